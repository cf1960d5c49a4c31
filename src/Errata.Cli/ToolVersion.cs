using Errata.Machine;
using Errata.Site.Building;

namespace Errata.Cli;

/// <summary>What `errata --version` prints: the tool's version and the machine's build identity, which verdicts depend on.</summary>
internal static class ToolVersion
{
    public static string Text => $"errata {Site.ToolVersion.Full}\nmachine {X86Machine.Version}";
}
