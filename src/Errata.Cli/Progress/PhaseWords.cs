using Errata.Site.Building;

namespace Errata.Cli.Progress;

/// <summary>How progress names a phase while it runs, once it is done, and what it counts.</summary>
internal sealed record PhaseWords(string Doing, string Done, string Items)
{
    public static PhaseWords Of(BuildPhase phase) => phase switch
    {
        BuildPhase.Read => new("reading", "read", "document(s)"),
        BuildPhase.Verify => new("verifying", "verified", "scenario(s)"),
        BuildPhase.Render => new("writing", "wrote", "page(s)"),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
