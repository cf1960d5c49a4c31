using Errata.Diagnostics;
using Errata.Scenarios.Running;
using Errata.Site.Building;

namespace Errata.Site.Verification;

/// <summary>
/// What verifying documents concluded, as every command and report tells it: the diagnostics
/// (with the severity --strict gives them), how many documents were read, the verified
/// scenarios, and from these alone the exit code and the one-line summary.
/// </summary>
public sealed record VerificationOutcome(IReadOnlyList<Diagnostic> Diagnostics, int Documents, IReadOnlyList<ScenarioResult> Scenarios, bool Strict = false)
{
    /// <summary>
    /// The one exit-code rule: bad input (exit 2) whenever a diagnostic is bad input under
    /// <see cref="Strict"/>, since then the claims have no verdict; otherwise 1 when a claim fails.
    /// </summary>
    public ExitCode ExitCode =>
        Diagnostics.Any(d => d.Descriptor.IsBadInput(Strict)) ? ExitCode.BadInput
        : Scenarios.All(s => s.AllHold) && !Diagnostics.Any(IsClaimError) ? ExitCode.Ok
        : ExitCode.ClaimsFailed;

    /// <summary>A finding on a claim that fails the check as a failing claim does: one that cannot fail (`check --mutate`).</summary>
    private static bool IsClaimError(Diagnostic d) => d.Descriptor.Category == DiagnosticCategory.Claim && d.Descriptor.Severity == Severity.Error;

    /// <summary>The exit code as a word: <c>ok</c>, <c>claims-failed</c> or <c>bad-input</c>.</summary>
    public string Word => WordOf(ExitCode);

    /// <summary>An exit code as reports name it (merged reports too).</summary>
    public static string WordOf(ExitCode code) => code switch
    {
        ExitCode.Ok => "ok",
        ExitCode.ClaimsFailed => "claims-failed",
        _ => "bad-input",
    };

    public Severity SeverityOf(Diagnostic d) => d.Descriptor.EffectiveSeverity(Strict);

    /// <summary>Problems in the input that stop the build; failed claims are reported by the claims themselves.</summary>
    public IEnumerable<Diagnostic> InputErrors =>
        Diagnostics.Where(d => d.Descriptor.Category != DiagnosticCategory.Claim && SeverityOf(d) == Severity.Error);

    /// <summary>
    /// One line for people: the claims' tally when they were judged, and otherwise that there
    /// is no verdict, since scenarios that did not compile were never run.
    /// </summary>
    public string Summary
    {
        get
        {
            if (ExitCode == ExitCode.BadInput)
                return $"stopped on bad input ({InputErrors.Count()} error(s)); no verdict on the claims";
            var verdicts = Scenarios.SelectMany(s => s.Verdicts).ToList();
            var cannotFail = Diagnostics.Count(d => d.Descriptor == SiteErrors.CannotFail);
            var gaps = Scenarios.SelectMany(s => s.Gaps).ToList();
            var fresh = Scenarios.Sum(s => s.NewDifferences.Count);
            // Gaps are named only where a site states them, so a site without any reads as before.
            var gapTally = gaps.Count == 0 && fresh == 0 ? ""
                : $", {gaps.Count(g => g.Holds)} of {gaps.Count} gap(s) hold{(fresh > 0 ? $", {fresh} new difference(s)" : "")},";
            return $"{verdicts.Count(v => v.Holds)} of {verdicts.Count} claim(s) hold{gapTally} in {Scenarios.Count} scenario(s) of {Documents} document(s)"
                + (cannotFail > 0 ? $"; {cannotFail} claim(s) cannot fail under any mutation" : "");
        }
    }
}
