using System.Reflection;
using Errata.Machine;

namespace Errata.Cli;

/// <summary>What `errata --version` prints: the tool's version and the machine's build identity, which verdicts depend on.</summary>
internal static class ToolVersion
{
    public static string Text
    {
        get
        {
            var assembly = typeof(ToolVersion).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "unknown";
            return $"errata {version}\nmachine {X86Machine.Version}";
        }
    }
}
