using Errata.Diagnostics;

namespace Errata.Scenarios;

/// <summary>
/// Diagnostics of gap lines (docs/guide/scenarios.md, "Gap lines"): the first four are bad
/// input; the last three are a gap that no longer holds, judged like a failed claim.
/// </summary>
public static class GapErrors
{
    public static readonly DiagnosticDescriptor BadGapLine =
        new("ERR0260", DiagnosticCategory.Scenario, Severity.Error, "cannot read gap line '{0}'; expected 'gap PROFILE [PROFILE...]: CLAIM'");
    public static readonly DiagnosticDescriptor GapWithoutProfiles =
        new("ERR0261", DiagnosticCategory.Scenario, Severity.Error, "gap line names no profile; expected 'gap PROFILE [PROFILE...]: CLAIM', naming the profiles on which CLAIM holds");
    public static readonly DiagnosticDescriptor GapProfileNotRun =
        new("ERR0262", DiagnosticCategory.Scenario, Severity.Error, "gap line names profile '{0}', which this scenario does not run (profiles: {1})");
    public static readonly DiagnosticDescriptor GapCoversAll =
        new("ERR0263", DiagnosticCategory.Scenario, Severity.Error, "gap line names every profile the scenario runs ({0}); expected the profiles on which the claim holds, leaving at least one on which it does not");

    public static readonly DiagnosticDescriptor GapClosed =
        new("ERR0264", DiagnosticCategory.Claim, Severity.Error, "gap '{0}' closed: the claim {1} on every profile ({2}); expected it to hold on {3} and fail on {4}");
    public static readonly DiagnosticDescriptor GapMoved =
        new("ERR0265", DiagnosticCategory.Claim, Severity.Error, "gap '{0}' moved: the claim holds on {1} and fails on {2}; expected it to hold on {3} and fail on {4}");
    public static readonly DiagnosticDescriptor NewDifference =
        new("ERR0266", DiagnosticCategory.Claim, Severity.Error, "new difference in scenario '{0}': {1}; expected a gap line about {2}, since the scenario states its gaps");
}
