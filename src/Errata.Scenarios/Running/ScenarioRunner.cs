using Errata.Machine;
using Errata.Machine.Profiles;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Running;

/// <summary>Runs a compiled scenario on each of its profiles and judges every expect line that applies.</summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(CompiledScenario scenario, RunOptions? options = null, string? onlyProfile = null)
    {
        var runs = scenario.Profiles
            .Where(p => onlyProfile is null || p.Name == onlyProfile)
            .Select(p => RunOn(scenario, p, options))
            .ToList();
        return new ScenarioResult(scenario, runs);
    }

    public static ProfileRun RunOn(CompiledScenario scenario, Profile profile, RunOptions? options = null)
    {
        var outcome = X86Machine.Run(scenario.Image, profile, options);
        var context = new JudgeContext(outcome, scenario.Assembly.Labels);
        var verdicts = scenario.Syntax.Expects
            .Where(e => e.Profiles.Count == 0 || e.Profiles.Any(p => p.Value == profile.Name))
            .Select(e => new Verdict(e, profile.Name, e.Assertion.Judge(context)))
            .ToList();
        return new ProfileRun(profile, outcome, verdicts);
    }
}
