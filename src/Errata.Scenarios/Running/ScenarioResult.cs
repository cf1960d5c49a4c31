using Errata.Diagnostics;
using Errata.Machine;
using Errata.Scenarios.Claims;
using Errata.Machine.Profiles;

namespace Errata.Scenarios.Running;

/// <summary>One profile's run of a scenario and the verdicts on it.</summary>
public sealed record ProfileRun(Profile Profile, Outcome Outcome, IReadOnlyList<Verdict> Verdicts);

/// <summary>A scenario's runs on every profile it names.</summary>
public sealed record ScenarioResult(CompiledScenario Scenario, IReadOnlyList<ProfileRun> Runs)
{
    private IReadOnlyList<GapVerdict>? _gaps;
    private IReadOnlyList<Difference>? _newDifferences;

    public IEnumerable<Verdict> Verdicts => Runs.SelectMany(r => r.Verdicts);

    /// <summary>The gap lines judged across the runs (none when only one profile of several ran).</summary>
    public IReadOnlyList<GapVerdict> Gaps => _gaps ??= GapJudge.Judge(this);

    /// <summary>Differences between the runs that the scenario's gap lines do not state.</summary>
    public IReadOnlyList<Difference> NewDifferences => _newDifferences ??= GapJudge.Unstated(this);

    /// <summary>Every claim holds, every gap holds, and no difference is new.</summary>
    public bool AllHold => Verdicts.All(v => v.Holds) && Gaps.All(g => g.Holds) && NewDifferences.Count == 0;

    /// <summary>One diagnostic per failed verdict and gap, at its expect line, naming the first event where the run departed from the claim.</summary>
    public IEnumerable<Diagnostic> FailedClaims()
    {
        foreach (var run in Runs)
        {
            var context = new JudgeContext(run.Outcome, Scenario.Assembly.Labels);
            foreach (var v in run.Verdicts.Where(v => !v.Holds))
            {
                var departure = v.Judgement.Divergence is { } e ? $"; departed at event {e.Sequence}: {context.Describe(e)}" : "";
                yield return ScenarioErrors.ClaimFailed.At(v.Expect.Span, v.Expect.Text, v.Profile, v.Judgement.Expected, v.Judgement.Observed, departure);
            }
        }
        foreach (var d in GapJudge.Failures(this)) yield return d;
    }
}
