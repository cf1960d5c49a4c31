namespace Errata.Scenarios.Running;

/// <summary>Site-wide settings a scenario falls back on.</summary>
public sealed record ScenarioOptions(IReadOnlyList<string> DefaultProfiles)
{
    public static readonly ScenarioOptions Default = new(["apm", "kvm", "kvm-novgif"]);
}
