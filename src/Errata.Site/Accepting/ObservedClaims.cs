using Errata.Machine.Events;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;

namespace Errata.Site.Accepting;

/// <summary>An assertion that describes what one run observed, and what it is about.</summary>
public sealed record ObservedLine(string Text, ClaimSubject Subject);

/// <summary>
/// The expect lines that describe what a scenario's runs observed: each event's fate at
/// its label (with DR6 for #DB) and how the run ended. Lines that hold on every profile
/// are written once as `expect:`, the rest per group of profiles.
/// </summary>
public static class ObservedClaims
{
    /// <summary>Every observed line, or only those whose subject <paramref name="covered"/> (profile, subject) says no claim speaks about.</summary>
    public static IReadOnlyList<string> For(ScenarioResult result, Func<string, ClaimSubject, bool>? covered = null)
    {
        var raised = Raised(result);
        var perProfile = result.Runs
            .Select(run => (run.Profile.Name, Lines: Lines(run, result, raised)
                .Where(l => covered is null || !covered(run.Profile.Name, l.Subject)).Select(l => l.Text).ToList()))
            .ToList();
        var ordered = perProfile.SelectMany(p => p.Lines).Distinct().ToList();
        var all = result.Runs.Count;
        var specific = new List<string>();
        var common = new List<string>();
        foreach (var line in ordered)
        {
            var holders = perProfile.Where(p => p.Lines.Contains(line)).Select(p => p.Name).ToList();
            if (holders.Count == all) common.Add($"expect: {line}");
            else specific.Add($"expect {string.Join(' ', holders)}: {line}");
        }
        // Where profiles differ comes first: that is what the scenario shows.
        return [.. specific, .. common];
    }

    /// <summary>What one run observed about one event, as accept would write it.</summary>
    public static IReadOnlyList<string> About(EventId id, ProfileRun run, ScenarioResult result) =>
        Lines(run, result, [id]).Where(l => l.Subject.Event == id).Select(l => l.Text).ToList();

    /// <summary>How one run ended, as accept would write it.</summary>
    public static string End(ProfileRun run) => ClaimPrinter.Print(new EndAssertion(run.Outcome.End));

    /// <summary>An event any profile raised is stated for every profile, so a gap reads as one.</summary>
    private static List<EventId> Raised(ScenarioResult result) =>
        result.Runs.SelectMany(r => r.Outcome.Events.Select(e => e.Id)).Distinct().ToList();

    private static List<ObservedLine> Lines(ProfileRun run, ScenarioResult result, IReadOnlyList<EventId> raised)
    {
        var labels = result.Scenario.Assembly.Labels;
        string? LabelAt(ulong address) => labels.Where(kv => kv.Value == address).Select(kv => kv.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        var lines = new List<ObservedLine>();
        foreach (var e in run.Outcome.Events)
        {
            LabelRef? at = LabelAt(e.Rip) is { } name ? new LabelRef(name, 0) : null;
            Assertion claim = e.Disposition switch
            {
                Disposition.Discarded => new DiscardedAssertion(e.Id),
                Disposition.Pending => new NoEventAssertion(e.Id),
                Disposition.DeliveredAfterPending when e.DeliveredBefore is { } b && LabelAt(b) is { } until => new PendingUntilAssertion(e.Id, new LabelRef(until, 0)),
                _ when at is null => new DeliveredAssertion(e.Id, null, null),
                _ when e.Id == EventId.DebugException && e.AtDelivery is { } s && s.TryGet("dr6", out var dr6) => new DeliveredAssertion(e.Id, at, new FieldCheck("dr6", dr6, null)),
                _ => new DeliveredAssertion(e.Id, at, null),
            };
            lines.Add(new ObservedLine(ClaimPrinter.Print(claim), new ClaimSubject(e.Id)));
        }
        foreach (var id in raised)
            if (!run.Outcome.Events.Any(e => e.Id == id && Words.IsDelivered(e)))
                lines.Add(new ObservedLine(ClaimPrinter.Print(new NoEventAssertion(id)), new ClaimSubject(id)));
        lines.Add(new ObservedLine(End(run), ClaimSubject.End));
        return lines.Distinct().ToList();
    }
}
