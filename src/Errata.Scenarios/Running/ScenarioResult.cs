using Errata.Machine;
using Errata.Machine.Profiles;

namespace Errata.Scenarios.Running;

/// <summary>One profile's run of a scenario and the verdicts on it.</summary>
public sealed record ProfileRun(Profile Profile, Outcome Outcome, IReadOnlyList<Verdict> Verdicts);

/// <summary>A scenario's runs on every profile it names.</summary>
public sealed record ScenarioResult(CompiledScenario Scenario, IReadOnlyList<ProfileRun> Runs)
{
    public IEnumerable<Verdict> Verdicts => Runs.SelectMany(r => r.Verdicts);
    public bool AllHold => Verdicts.All(v => v.Holds);
}
