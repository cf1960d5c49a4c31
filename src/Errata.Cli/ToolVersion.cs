using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Errata.Machine;

namespace Errata.Cli;

/// <summary>
/// What `errata --version` prints: the tool's version, how this copy was compiled (the
/// platform's native tool or the portable one, which a bug report should say), and the
/// machine's build identity, which verdicts depend on.
/// </summary>
internal static class ToolVersion
{
    public static string Text => $"errata {Site.ToolVersion.Full} ({Build})\nmachine {X86Machine.Version}";

    /// <summary>`native linux-x64` when compiled ahead of time (no code is generated at run time), else `portable, .NET 10.0.x`.</summary>
    public static string Build => RuntimeFeature.IsDynamicCodeSupported
        ? $"portable, .NET {Environment.Version}"
        : $"native {RuntimeInformation.RuntimeIdentifier}";
}
