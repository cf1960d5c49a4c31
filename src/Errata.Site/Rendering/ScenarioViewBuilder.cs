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
            $"{id}-trace-{run.Profile.Name}",
            run.Profile.Name,
            run.Profile.Description,
            Words.End(run.Outcome.End) + (run.Outcome.StopReason is { } why ? $" ({why})" : ""),
            run.Outcome.Instructions,
            verifiedOn(run.Profile.Name),
            run.Verdicts.Any(v => !v.Holds),
            run.Outcome.Events.Select(e => Event(id, run.Profile.Name, e, labels, root)).ToList(),
            run.Outcome.Provenance?.ToString() ?? "")).ToList();

        return new ScenarioView(
            name,
            id,
            s.Syntax.Title ?? name,
            headingLevel,
            Summary(result),
            $"{sourcePath}:{s.Syntax.Span.Line + 1}",
            Code(s.Assembly),
            profiles,
            claims,
            Gaps(result, site.Reference),
            traces,
            !result.AllHold,
            site.MachineVersion);
    }

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
            root + "rules.html#" + RulesPageBuilder.Anchor(e.Rule.Id));
    }

    private static List<CodeLineView> Code(AssemblyResult assembly)
    {
        var labelsAt = assembly.Labels.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(kv => kv.Key).Order(StringComparer.Ordinal)));
        var sectionAt = assembly.SectionStarts.ToDictionary(kv => kv.Value, kv => kv.Key);
        var lines = new List<CodeLineView>();
        var section = SectionNames.Of(SectionKind.Code);
        foreach (var insn in assembly.Instructions)
        {
            if (sectionAt.TryGetValue(insn.Address, out var name)) section = name;
            var offset = (int)(insn.Address - assembly.Base);
            var bytes = string.Join(' ', assembly.Bytes.Skip(offset).Take(insn.Length).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            lines.Add(new CodeLineView(
                section,
                "0x" + insn.Address.ToString("x", CultureInfo.InvariantCulture),
                bytes,
                AsmHighlighter.Tokens(insn.Instruction),
                labelsAt.TryGetValue(insn.Address, out var l) ? l : ""));
        }
        return lines;
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
    /// Where the reference profile and another disagree on an event's fate, say so
    /// ("APM: discarded; KVM: delivered"): the gap the page exists to prove.
    /// </summary>
    private static List<GapView> Gaps(ScenarioResult result, string reference)
    {
        var refRun = result.Runs.FirstOrDefault(r => r.Profile.Name == reference);
        if (refRun is null) return [];
        var events = result.Runs.SelectMany(r => r.Outcome.Events.Select(e => e.Id)).Distinct().OrderBy(e => e.Class).ThenBy(e => e.Number);
        var gaps = new List<GapView>();
        foreach (var ev in events)
        {
            var fates = result.Runs.Select(r => (r.Profile.Name, Fate: Fate(r.Outcome, ev))).ToList();
            var refFate = Fate(refRun.Outcome, ev);
            if (fates.All(f => f.Fate == refFate)) continue;
            gaps.Add(new GapView(ev.Name, string.Join("; ", fates.Select(f => $"{f.Name.ToUpperInvariant()}: {f.Fate}"))));
        }
        return gaps;
    }

    private static string Fate(Outcome outcome, EventId id)
    {
        var fates = outcome.Events.Where(e => e.Id == id).Select(e => Words.Disposition(e.Disposition)).Distinct().ToList();
        return fates.Count == 0 ? "not raised" : string.Join(", ", fates);
    }
}
