using System.Globalization;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Scenarios.Assembly;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Scenarios.Syntax;

namespace Errata.Site.Rendering;

/// <summary>Turns a verified scenario into the flat view its partial renders.</summary>
public static class ScenarioViewBuilder
{
    /// <param name="sourcePath">The document's path relative to the source folder: pages must not depend on where the build ran.</param>
    /// <param name="site">The site's reference profile and the machine version its pages name.</param>
    public static ScenarioView Build(ScenarioResult result, SiteView site, string sourcePath, int headingLevel, Func<string, string> verifiedOn)
    {
        var s = result.Scenario;
        var name = s.Syntax.Name;
        var id = "scenario-" + name;
        var labels = s.Assembly.Labels;
        var profiles = result.Runs.Select(r => r.Profile.Name).ToList();
        var root = PageRenderer.RootOf(Path.ChangeExtension(sourcePath, ".html"));

        var claims = s.Syntax.Expects.Select(e =>
        {
            var cells = result.Runs.Select(run =>
            {
                var v = run.Verdicts.FirstOrDefault(v => v.Expect.Span == e.Span);
                if (v is null) return new CellView(run.Profile.Name, "n/a", "", "", "");
                var divergence = v.Judgement.Divergence is { } d ? EventId(id, run.Profile.Name, d) : "";
                return new CellView(run.Profile.Name, v.Holds ? "holds" : "fails", v.Judgement.Expected, v.Judgement.Observed, divergence);
            }).ToList();
            return new ClaimRowView(e.Text, e.Span.Line + 1, cells.Exists(c => c.State == "fails"), cells);
        }).ToList();

        var traces = result.Runs.Select(run => new TraceView(
            TraceId(id, run.Profile.Name),
            run.Profile.Name,
            run.Profile.Description,
            Words.End(run.Outcome.End) + (run.Outcome.StopReason is { } why ? $" ({why})" : ""),
            run.Outcome.Instructions,
            // A date says the claims held; a profile on which one fails has none (and records none).
            Holds(result, run) ? verifiedOn(run.Profile.Name) : "",
            !Holds(result, run),
            run.Outcome.Events.Select(e => Event(id, run.Profile.Name, e, labels, root)).ToList(),
            run.Outcome.Provenance?.ToString() ?? "",
            root + "rules.html#" + RulesPageBuilder.ProfileAnchor(run.Profile.Name))).ToList();

        return new ScenarioView(
            name,
            id,
            s.Syntax.Title ?? name,
            headingLevel,
            Summary(result),
            $"{sourcePath}:{s.Syntax.Span.Line + 1}",
            ListingBuilder.Build(s),
            profiles,
            claims,
            Gaps(result, site.Reference),
            GapViews.OfScenario(result, id),
            traces,
            !result.AllHold,
            site.MachineVersion);
    }

    /// <summary>Whether everything the scenario says about this profile holds: its claims, and its side of every gap.</summary>
    public static bool Holds(ScenarioResult result, ProfileRun run) =>
        run.Verdicts.All(v => v.Holds) &&
        result.Gaps.All(g => g.Cells.All(c => c.Profile != run.Profile.Name || c.AsStated)) &&
        result.NewDifferences.Count == 0;

    /// <summary>The anchor of a scenario's run on one profile, where its trace is.</summary>
    public static string TraceId(string scenarioId, string profile) => $"{scenarioId}-trace-{profile}";

    private static string EventId(string scenarioId, string profile, MachineEvent e) =>
        $"{scenarioId}-{profile}-event-{e.Sequence.ToString(CultureInfo.InvariantCulture)}";

    private static EventView Event(string scenarioId, string profile, MachineEvent e, IReadOnlyDictionary<string, ulong> labels, string root)
    {
        var dr6 = e.AtDelivery is { } st && e.Id == Machine.Events.EventId.DebugException && st.TryGet("dr6", out var v) ? Hex.Format(v) : "";
        var label = labels.FirstOrDefault(kv => kv.Value == e.Rip).Key ?? "";
        return new EventView(
            EventId(scenarioId, profile, e),
            e.Sequence,
            e.Id.Name,
            e.Cause,
            Words.Disposition(e.Disposition),
            "0x" + e.Rip.ToString("x16", CultureInfo.InvariantCulture),
            label,
            dr6,
            e.Rule.Id,
            e.Rule.Statement,
            e.Rule.Source,
            root + "rules.html#" + RulesPageBuilder.Anchor(e.Rule.Id),
            AtRaise(e),
            e.HandlerInstructions is { } n ? $"its handler ran {n.ToString(CultureInfo.InvariantCulture)} instruction{(n == 1 ? "" : "s")}" : "");
    }

    /// <summary>The fields recorded as the event was raised, named as the APM writes them; bits as 0 or 1, words in hex.</summary>
    private static List<StateFieldView> AtRaise(MachineEvent e)
    {
        if (e.AtRaise is not { } state) return [];
        return StateFields.AtEvent
            .Where(f => state.TryGet(f.Name, out _))
            .Select(f =>
            {
                state.TryGet(f.Name, out var v);
                return new StateFieldView(f.Name.ToUpperInvariant(), f.Shape == StateFieldShape.Bit ? v.ToString(CultureInfo.InvariantCulture) : Hex.Format(v));
            }).ToList();
    }

    /// <summary>What follows "Claim holds" or "Claim failed": the profiles, and how many checks ("on apm and kvm (7 of 7 checks)").</summary>
    public static string Summary(ScenarioResult result)
    {
        var verdicts = result.Verdicts.ToList();
        var holding = verdicts.Count(v => v.Holds);
        if (holding == verdicts.Count)
            return $"on {JoinAnd(result.Runs.Select(r => r.Profile.Name))} ({holding} of {verdicts.Count} checks)";
        var failing = result.Runs.Where(r => r.Verdicts.Any(v => !v.Holds)).Select(r => r.Profile.Name);
        return $"on {JoinAnd(failing)} ({verdicts.Count - holding} of {verdicts.Count} checks fail)";
    }

    private static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    /// <summary>
    /// Where the profiles disagree on an event's fate, say so ("APM: discarded; KVM: delivered"):
    /// the gap the page exists to prove. Only when the reference profile ran, which comes first.
    /// </summary>
    private static List<GapView> Gaps(ScenarioResult result, string reference)
    {
        if (!result.Runs.Any(r => r.Profile.Name == reference)) return [];
        return Differences.Between(result.Runs)
            .Where(d => d.Subject.Event is not null)
            .Select(d => new GapView(d.Name, d.Describe(p => p.ToUpperInvariant()), result.NewDifferences.Any(n => n.Subject == d.Subject)))
            .ToList();
    }
}
