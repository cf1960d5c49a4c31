using Errata.Diagnostics;
using Errata.Scenarios.Running;
using Errata.Site.Building;

namespace Errata.Site.Reports;

/// <summary>
/// What a check (or a run) concluded, as every report format tells it: the verified scenarios,
/// the diagnostics with the severity --strict gives them, and the exit code.
/// </summary>
public sealed record CheckOutcome(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ScenarioResult> Scenarios, ExitCode ExitCode, bool Strict = false)
{
    public static CheckOutcome Of(BuildResult result, bool strict) => new(result.Diagnostics, result.Scenarios, result.ExitCode, strict);

    public static CheckOutcome Of(DocumentRunResult result) => new(result.Diagnostics, result.Scenarios, result.ExitCode);

    /// <summary>The exit code as a word: <c>ok</c>, <c>claims-failed</c> or <c>bad-input</c>.</summary>
    public string Word => ExitCode switch
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
    public string Summary(int documents)
    {
        if (ExitCode == ExitCode.BadInput)
            return $"stopped on bad input ({InputErrors.Count()} error(s)); no verdict on the claims\n";
        var verdicts = Scenarios.SelectMany(s => s.Verdicts).ToList();
        return $"{verdicts.Count(v => v.Holds)} of {verdicts.Count} claim(s) hold in {Scenarios.Count} scenario(s) of {documents} document(s)\n";
    }
}
