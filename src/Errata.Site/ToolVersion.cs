using System.Reflection;

namespace Errata.Site;

/// <summary>The tool's version, one for all its assemblies (they are built together).</summary>
public static class ToolVersion
{
    /// <summary>As built, with the commit it was built from when known (`0.1.0+3f2a...`).</summary>
    public static string Full { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The release alone (`0.1.0`), as reports name the tool and the verdict cache keys on it.</summary>
    public static string Release { get; } = Full.Split('+')[0];
}
