using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Profiles;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Running;

/// <summary>
/// Runs a compiled scenario on each of its profiles and judges every expect line that applies.
/// A backend that realises one profile (QEMU) runs the scenario once, on that profile, when the
/// scenario names it; otherwise the result says the scenario is not applicable there.
/// </summary>
public static class ScenarioRunner
{
    public static ScenarioResult Run(CompiledScenario scenario, RunOptions? options = null, string? onlyProfile = null,
        IMachineBackend? backend = null)
    {
        backend ??= BuiltInBackend.Instance;
        var realised = backend.Realises;
        var runs = scenario.Profiles
            .Where(p => (onlyProfile is null || p.Name == onlyProfile) && (realised is null || p.Name == realised))
            .Select(p => RunOn(scenario, p, options, backend))
            .ToList();
        return new ScenarioResult(scenario, runs) { NotApplicableOn = realised is not null && runs.Count == 0 ? realised : null };
    }

    public static ProfileRun RunOn(CompiledScenario scenario, Profile profile, RunOptions? options = null, IMachineBackend? backend = null)
    {
        var outcome = WithSourceLine(RunMachine(scenario, profile, options, backend ?? BuiltInBackend.Instance), scenario);
        var context = new JudgeContext(outcome, scenario.Assembly.Labels);
        var verdicts = scenario.Syntax.Expects
            .Where(e => e.Profiles.Count == 0 || e.Profiles.Any(p => p.Value == profile.Name))
            .Select(e => new Verdict(e, profile.Name, e.Assertion.Judge(context)))
            .ToList();
        return new ProfileRun(profile, outcome, verdicts);
    }

    private static Outcome RunMachine(CompiledScenario scenario, Profile profile, RunOptions? options, IMachineBackend backend)
    {
        try
        {
            return backend.Run(scenario.Image, profile, options);
        }
        catch (BackendFailure)
        {
            // Not a bug in Errata: the caller reports it at the scenario as bad input.
            throw;
        }
        catch (Exception e)
        {
            var at = scenario.Syntax.Span;
            throw new MachineFaultException(
                $"the machine failed running scenario '{scenario.Syntax.Name}' ({at.Path}:{at.Line + 1}) on profile {profile.Name}: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>A run that stopped at an instruction of the scenario says which line of the document wrote it.</summary>
    private static Outcome WithSourceLine(Outcome outcome, CompiledScenario scenario)
    {
        if (outcome.StopRip is not { } rip || outcome.StopReason is not { } reason) return outcome;
        var insn = scenario.Assembly.Instructions.FirstOrDefault(i => i.Address == rip);
        if (insn is null) return outcome;
        var origin = insn.Line.Origin;
        return outcome with { StopReason = $"{reason}, written at {origin.Path}:{origin.Line + 1}" };
    }
}
