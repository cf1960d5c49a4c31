using Errata.Diagnostics;
using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Scenarios.Running;
using Errata.Scenarios.Syntax;
using Errata.Site.Config;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Verification;

/// <summary>
/// `check --mutate`: each scenario runs again on each profile with each rule that decided one
/// of its events inverted in turn (<see cref="Profile.WithInverted"/>). A claim that holds under
/// every such mutation, on every profile it is judged on, cannot fail: it is reported (ERR1100)
/// unless its expect line marks it deliberate, and a mark on a claim that can fail is a warning.
/// </summary>
public static class MutationCheck
{
    public static void Run(VerifiedScenarios verified, SiteConfig config, DiagnosticBag bag, VerdictCache? cache = null)
    {
        var settings = ScenarioVerifier.RunSettings(config);
        var source = cache is null ? new OutcomeSource(ScenarioRunner.RunMachine) : cache.Outcome;
        var findings = new List<Diagnostic>[verified.InOrder.Count];
        Parallel.For(0, findings.Length, i => findings[i] = Judge(verified.InOrder[i], settings, source));
        cache?.Save();
        foreach (var f in findings) bag.AddRange(f);
    }

    /// <summary>The rules that decided a run's events: each event's deciding rule and those that held it.</summary>
    private static IReadOnlyList<string> DecidingRules(Outcome outcome) =>
        outcome.Events.SelectMany(e => e.HeldBy.Prepend(e.Rule)).Select(r => r.Id).Distinct().ToList();

    private static List<Diagnostic> Judge(ScenarioResult result, RunOptions settings, OutcomeSource source)
    {
        var compiled = result.Scenario;
        var tried = new Dictionary<ExpectLine, List<string>>();
        var killedBy = new Dictionary<ExpectLine, (string Profile, string Rule)>();
        var mutations = 0;
        var inert = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in result.Runs)
        {
            var holding = run.Verdicts.Where(v => v.Holds).Select(v => v.Expect).ToHashSet();
            foreach (var e in holding) (tried.TryGetValue(e, out var l) ? l : tried[e] = []).Add(run.Profile.Name);
            foreach (var rule in DecidingRules(run.Outcome))
            {
                if (run.Profile.WithInverted(rule) is not { } mutant) continue;
                mutations++;
                var (failing, same) = FailingUnder(compiled, run, mutant, settings, source);
                if (same) inert.Add(rule);
                foreach (var failed in failing.Where(holding.Contains)) killedBy.TryAdd(failed, (run.Profile.Name, rule));
            }
        }
        var what = mutations == 0 ? "no rule decided an event, so there was none"
            : $"{mutations} inverted rule(s) tried" + (inert.Count > 0 ? $"; inverting {string.Join(", ", inert)} changed nothing the run observed" : "");
        var findings = new List<Diagnostic>();
        foreach (var expect in compiled.Syntax.Expects)
        {
            // A claim that fails as written is reported as failing; mutations say nothing more of it.
            if (!tried.TryGetValue(expect, out var profiles) || result.Verdicts.Any(v => v.Expect == expect && !v.Holds)) continue;
            var killed = killedBy.TryGetValue(expect, out var by);
            if (!killed && expect.Deliberate is null)
                findings.Add(SiteErrors.CannotFail.At(expect.Span, expect.Claim, string.Join(", ", profiles), what));
            else if (killed && expect.Deliberate is { } mark)
                findings.Add(SiteErrors.DeliberateCanFail.At(mark.Span, expect.Claim, by.Profile, by.Rule));
        }
        return findings;
    }

    /// <summary>
    /// The expect lines that fail on the mutant, judged as the profile's own, and whether the
    /// mutant's run observed the same as the original's. A mutant on which the machine faults
    /// lets no claim hold: the mutation is one the claims notice.
    /// </summary>
    private static (IEnumerable<ExpectLine> Failing, bool Same) FailingUnder(CompiledScenario compiled, ProfileRun run, Profile mutant, RunOptions settings, OutcomeSource source)
    {
        Outcome outcome;
        try
        {
            outcome = source(compiled, mutant, settings);
        }
        catch (MachineFaultException)
        {
            return (compiled.Syntax.Expects, false);
        }
        var failing = ScenarioRunner.Judge(compiled, run.Profile.Name, outcome).Where(v => !v.Holds).Select(v => v.Expect).ToList();
        return (failing, Observed(outcome) == Observed(run.Outcome));
    }

    /// <summary>What a run observed, as text: its end, its events and their fates, and its final registers (rule statements aside, which an inversion rewords).</summary>
    private static string Observed(Outcome o) =>
        $"{o.End} {o.Instructions}\n"
        + string.Join("\n", o.Events.Select(e => $"{e.Id} {e.Disposition} {e.Rip:x} {e.DeliveredBefore:x} {e.DeliveryOrder}"))
        + "\n" + string.Join(" ", RecordedState.Fields(o.Final).Select(f => $"{f.Key}={f.Value:x}"));
}
