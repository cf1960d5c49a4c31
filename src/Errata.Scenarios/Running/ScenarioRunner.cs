using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Profiles;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Running;

/// <summary>
/// Where a profile's outcome comes from: the machine (<see cref="ScenarioRunner.RunMachine"/>),
/// a store of earlier outcomes that falls back on it, or another backend (<see cref="ScenarioRunner.On"/>).
/// </summary>
public delegate Outcome OutcomeSource(CompiledScenario scenario, Profile profile, RunOptions? options);

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

    public static ProfileRun RunOn(CompiledScenario scenario, Profile profile, RunOptions? options = null, OutcomeSource? source = null)
    {
        var outcome = WithSourceLine((source ?? RunMachine)(scenario, profile, options), scenario);
        return new ProfileRun(profile, outcome, Judge(scenario, profile.Name, outcome));
    }

    /// <summary>
    /// The verdicts of the expect lines for <paramref name="profile"/> on an outcome: the
    /// profile's own, or (for `check --mutate`) that of a variant of it.
    /// </summary>
    public static IReadOnlyList<Verdict> Judge(CompiledScenario scenario, string profile, Outcome outcome)
    {
        var context = new JudgeContext(outcome, scenario.Assembly.Labels);
        return scenario.Syntax.Expects
            .Where(e => e.Profiles.Count == 0 || e.Profiles.Any(p => p.Value == profile))
            .Select(e => new Verdict(e, profile, e.Assertion.Judge(context)))
            .ToList();
    }

    /// <summary>The machine's run of the image; a fault of the machine becomes a <see cref="MachineFaultException"/>.</summary>
    public static Outcome RunMachine(CompiledScenario scenario, Profile profile, RunOptions? options) =>
        RunOn(BuiltInBackend.Instance, scenario, profile, options);

    /// <summary>
    /// Outcomes from a backend other than the built-in machine (QEMU). A <see cref="BackendFailure"/>
    /// goes to the caller, which reports it at the scenario as bad input.
    /// </summary>
    public static OutcomeSource On(IMachineBackend backend) => (scenario, profile, options) => RunOn(backend, scenario, profile, options);

    private static Outcome RunOn(IMachineBackend backend, CompiledScenario scenario, Profile profile, RunOptions? options)
    {
        try
        {
            return backend.Run(scenario.Image, profile, options);
        }
        catch (BackendFailure)
        {
            throw;
        }
        catch (Exception e)
        {
            var at = scenario.Syntax.Span;
            throw new MachineFaultException(
                $"{(backend is BuiltInBackend ? "the machine" : $"the {backend.Name} backend")} failed running scenario '{scenario.Syntax.Name}' ({at.Path}:{at.Line + 1}) on profile {profile.Name}: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>
    /// A run that stopped at an instruction of the scenario says which line of the document wrote
    /// it, the document named as the site names it (<see cref="ScenarioOptions.DocumentPath"/>).
    /// </summary>
    private static Outcome WithSourceLine(Outcome outcome, CompiledScenario scenario)
    {
        if (outcome.StopRip is not { } rip || outcome.StopReason is not { } reason) return outcome;
        var insn = scenario.Assembly.Instructions.FirstOrDefault(i => i.Address == rip);
        if (insn is null) return outcome;
        var origin = insn.Line.Origin;
        return outcome with { StopReason = $"{reason}, written at {scenario.Options.DocumentPath(origin.Path)}:{origin.Line + 1}" };
    }
}
