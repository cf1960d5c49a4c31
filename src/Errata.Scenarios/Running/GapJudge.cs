using Errata.Diagnostics;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Running;

/// <summary>
/// Judges a scenario's gap lines against all its runs (docs/guide/scenarios.md, "Gap lines").
/// A gap is a statement about profiles against each other, so it is judged only when every
/// profile the scenario names has run (not under `errata run --profile`).
/// </summary>
public static class GapJudge
{
    public static IReadOnlyList<GapVerdict> Judge(ScenarioResult result)
    {
        if (!RanEveryProfile(result)) return [];
        var labels = result.Scenario.Assembly.Labels;
        return result.Scenario.Syntax.Gaps.Select(gap => new GapVerdict(gap, result.Runs.Select(run =>
            new GapCell(
                run.Profile.Name,
                gap.Profiles.Any(p => p.Value == run.Profile.Name),
                gap.Assertion.Judge(new JudgeContext(run.Outcome, labels)))).ToList())).ToList();
    }

    /// <summary>
    /// The differences between the runs that no gap line speaks about: new differences. Only a
    /// scenario that states a gap is held to this, since it then states the ways its profiles differ.
    /// </summary>
    public static IReadOnlyList<Difference> Unstated(ScenarioResult result)
    {
        var gaps = result.Scenario.Syntax.Gaps;
        if (gaps.Count == 0 || !RanEveryProfile(result)) return [];
        var stated = gaps.SelectMany(g => ClaimSubject.Of(g.Assertion)).ToHashSet();
        return Differences.Between(result.Runs).Where(d => !stated.Contains(d.Subject)).ToList();
    }

    /// <summary>One diagnostic per gap that does not hold, at its line, and per new difference, at the scenario's first gap line.</summary>
    public static IEnumerable<Diagnostic> Failures(ScenarioResult result)
    {
        foreach (var v in result.Gaps.Where(v => !v.Holds))
        {
            var stated = Names(v.Cells.Where(c => c.Stated));
            var others = Names(v.Cells.Where(c => !c.Stated));
            yield return v.State == GapState.Closed
                ? GapErrors.GapClosed.At(v.Gap.Span, v.Gap.Text, v.Cells[0].Holds ? "holds" : "fails", Names(v.Cells), stated, others)
                : GapErrors.GapMoved.At(v.Gap.Span, v.Gap.Text, Names(v.Cells.Where(c => c.Holds)), Names(v.Cells.Where(c => !c.Holds)), stated, others);
        }
        var at = result.Scenario.Syntax.Gaps.FirstOrDefault()?.Span;
        foreach (var d in result.NewDifferences)
            yield return GapErrors.NewDifference.At(at!.Value, result.Scenario.Syntax.Name, $"{d.Name} differs ({d.Describe()})", d.Name);
    }

    private static bool RanEveryProfile(ScenarioResult result) =>
        result.Scenario.Profiles.All(p => result.Runs.Any(r => r.Profile.Name == p.Name));

    private static string Names(IEnumerable<GapCell> cells) => string.Join(" ", cells.Select(c => c.Profile));
}
