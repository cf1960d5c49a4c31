using System.Reflection;

namespace Errata.Site.Building;

/// <summary>Errata's own version, as `errata --version` prints it and the verdict data records it.</summary>
public static class GeneratorVersion
{
    public static string Text { get; } =
        typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(GeneratorVersion).Assembly.GetName().Version?.ToString() ?? "unknown";
}
