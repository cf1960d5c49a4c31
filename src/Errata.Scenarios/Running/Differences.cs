using Errata.Machine;
using Errata.Machine.Events;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Running;

/// <summary>What one subject came to on each profile: an event's fate, or how the run ended.</summary>
public sealed record Difference(ClaimSubject Subject, string Name, IReadOnlyList<ProfileFate> Fates)
{
    /// <summary>"apm: discarded; kvm: delivered": the fate on each profile.</summary>
    public string Describe(Func<string, string>? profileName = null) =>
        string.Join("; ", Fates.Select(f => $"{(profileName ?? (p => p))(f.Profile)}: {f.Fate}"));
}

public readonly record struct ProfileFate(string Profile, string Fate);

/// <summary>
/// Where a scenario's runs differ. An event's fate on a profile is the set of dispositions it
/// had there (delivered, discarded, pending, delivered-after-pending) or "not raised"; the runs
/// differ on an event when its fates are not all the same, and on the end when the runs ended
/// differently. The gap banner and the "new difference" check read the same differences.
/// </summary>
public static class Differences
{
    public static IReadOnlyList<Difference> Between(IReadOnlyList<ProfileRun> runs)
    {
        var result = new List<Difference>();
        var events = runs.SelectMany(r => r.Outcome.Events.Select(e => e.Id)).Distinct().OrderBy(e => e.Class).ThenBy(e => e.Number);
        foreach (var id in events)
            Add(result, new ClaimSubject(id), id.Name, runs.Select(r => new ProfileFate(r.Profile.Name, Fate(r.Outcome, id))).ToList());
        Add(result, ClaimSubject.End, "the end", runs.Select(r => new ProfileFate(r.Profile.Name, Words.End(r.Outcome.End))).ToList());
        return result;
    }

    /// <summary>The fate of an event in one run, as <see cref="Between"/> compares it.</summary>
    public static string Fate(Outcome outcome, EventId id)
    {
        var fates = outcome.Events.Where(e => e.Id == id).Select(e => Words.Disposition(e.Disposition)).Distinct().ToList();
        return fates.Count == 0 ? "not raised" : string.Join(", ", fates);
    }

    private static void Add(List<Difference> into, ClaimSubject subject, string name, List<ProfileFate> fates)
    {
        if (fates.Select(f => f.Fate).Distinct().Count() > 1) into.Add(new Difference(subject, name, fates));
    }
}
