using Errata.Machine.Events;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;

namespace Errata.Site.Accepting;

/// <summary>
/// The expect lines that describe what a scenario's runs observed: each event's fate at
/// its label (with DR6 for #DB) and how the run ended. Lines that hold on every profile
/// are written once as `expect:`, the rest per group of profiles.
/// </summary>
public static class ObservedClaims
{
    public static IReadOnlyList<string> For(ScenarioResult result)
    {
        var labels = result.Scenario.Assembly.Labels;
        // An event any profile raised is stated for every profile, so a gap reads as one.
        var raised = result.Runs.SelectMany(r => r.Outcome.Events.Select(e => e.Id)).Distinct().ToList();
        var perProfile = result.Runs.Select(run => (run.Profile.Name, Lines: Lines(run, labels, raised))).ToList();
        var ordered = perProfile.SelectMany(p => p.Lines).Distinct().ToList();
        var all = perProfile.Select(p => p.Name).ToList();
        var specific = new List<string>();
        var common = new List<string>();
        foreach (var line in ordered)
        {
            var holders = perProfile.Where(p => p.Lines.Contains(line)).Select(p => p.Name).ToList();
            if (holders.Count == all.Count) common.Add($"expect: {line}");
            else specific.Add($"expect {string.Join(' ', holders)}: {line}");
        }
        // Where profiles differ comes first: that is what the scenario shows.
        return [.. specific, .. common];
    }

    private static List<string> Lines(ProfileRun run, IReadOnlyDictionary<string, ulong> labels, IReadOnlyList<EventId> raised)
    {
        string? LabelAt(ulong address) => labels.Where(kv => kv.Value == address).Select(kv => kv.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        var lines = new List<string>();
        foreach (var e in run.Outcome.Events)
        {
            var at = LabelAt(e.Rip);
            var line = e.Disposition switch
            {
                Disposition.Discarded => $"{e.Id.Name} discarded",
                Disposition.Pending => $"no {e.Id.Name}",
                Disposition.DeliveredAfterPending when e.DeliveredBefore is { } b && LabelAt(b) is { } until => $"{e.Id.Name} pending until {until}",
                _ when at is null => e.Id.Name,
                _ when e.Id == EventId.DebugException && e.AtDelivery is { } s && s.TryGet("dr6", out var dr6) => $"{e.Id.Name} at {at} with dr6 = {Hex.Format(dr6)}",
                _ => $"{e.Id.Name} at {at}",
            };
            if (!lines.Contains(line)) lines.Add(line);
        }
        foreach (var id in raised)
            if (!run.Outcome.Events.Any(e => e.Id == id && Words.IsDelivered(e)))
                lines.Add($"no {id.Name}");
        lines.Add(Words.End(run.Outcome.End));
        return lines.Distinct().ToList();
    }
}
