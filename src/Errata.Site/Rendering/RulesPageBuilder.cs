using Errata.Machine.Profiles;

namespace Errata.Site.Rendering;

/// <summary>
/// The rules page: every rule the built-in profiles decide events by, once each, with the
/// profiles that use it. A trace's rule links here, so "why" leads to the source.
/// </summary>
public static class RulesPageBuilder
{
    public static string Anchor(string ruleId) => "rule-" + ruleId;

    /// <summary>Where the rules page describes a profile: a scenario's provenance links its profiles here.</summary>
    public static string ProfileAnchor(string profile) => "profile-" + profile;

    public static RulesView Build(string reference)
    {
        var profiles = ProfileRegistry.All;
        var rules = profiles
            .SelectMany(p => p.Rules)
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new RuleRowView(
                r.Id,
                Anchor(r.Id),
                r.Statement,
                r.Source,
                string.Join(", ", profiles.Where(p => p.Rules.Any(x => x.Id == r.Id)).Select(p => p.Name))))
            .ToList();
        return new RulesView(profiles.Select(p => new ProfileView(p.Name, ProfileAnchor(p.Name), p.Description, p.Name == reference)).ToList(), rules);
    }
}
