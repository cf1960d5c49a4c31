using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Scenarios;
using Errata.Scenarios.Running;
using Errata.Site.Config;

namespace Errata.Site.Verification;

/// <summary>
/// Which runs to make: every profile a scenario names, or only <see cref="Profile"/>;
/// with a trace (`errata run --trace`) or without; on the built-in machine or on
/// <see cref="Backend"/> (`--backend qemu`).
/// </summary>
public sealed record RunSelection(string? Profile = null, bool Trace = false, IMachineBackend? Backend = null)
{
    public static readonly RunSelection All = new();
}

/// <summary>
/// The steps after reading, the same for every command: compile each scenario block, run it
/// on its profiles, and judge its claims. Problems go into the bag in document order, failed
/// claims last, so a report lists them as the reader meets them.
/// </summary>
public static class ScenarioVerifier
{
    public static VerifiedScenarios Verify(IReadOnlyList<ScenarioBlock> blocks, SiteConfig config, RunSelection selection, DiagnosticBag bag)
    {
        ReportDuplicates(blocks, bag);
        var options = new ScenarioOptions(config.DefaultProfiles);
        var settings = RunSettings(config, selection.Trace);
        var bags = new DiagnosticBag[blocks.Count];
        var results = new ScenarioResult?[blocks.Count];
        // Scenarios are independent: compile and run them across cores, then report in document order.
        Parallel.For(0, blocks.Count, i =>
        {
            bags[i] = new DiagnosticBag();
            if (ScenarioCompiler.Compile(blocks[i], options, bags[i]) is { } compiled && Runs(compiled, blocks[i], selection, bags[i]))
                results[i] = RunOnBackend(compiled, blocks[i], settings, selection, bags[i]);
        });
        foreach (var b in bags) bag.AddRange(b.Items);
        var verified = new VerifiedScenarios(results.OfType<ScenarioResult>());
        foreach (var r in verified.InOrder) bag.AddRange(r.FailedClaims());
        return verified;
    }

    /// <summary>How every scenario runs: with or without a trace, within the configured wall-clock limit.</summary>
    public static RunOptions RunSettings(SiteConfig config, bool trace = false) =>
        new(trace, TimeSpan.FromMilliseconds(config.RunTimeout));

    /// <summary>
    /// Runs on the selected backend. A backend that cannot run the scenario (QEMU missing, a guest
    /// that hangs, an image that does not fit) is bad input at the block; a scenario that does not
    /// name the profile the backend realises is noted there and counted, not run.
    /// </summary>
    private static ScenarioResult? RunOnBackend(CompiledScenario compiled, ScenarioBlock block, RunOptions settings, RunSelection selection, DiagnosticBag bag)
    {
        var backend = selection.Backend ?? BuiltInBackend.Instance;
        try
        {
            var result = ScenarioRunner.Run(compiled, settings, selection.Profile, backend);
            if (result.NotApplicableOn is { } realised)
                bag.Add(SiteErrors.NotApplicableOnBackend, block.Span, block.Name, realised, backend.Name,
                    string.Join(", ", compiled.Profiles.Select(p => p.Name)));
            return result;
        }
        catch (BackendFailure e)
        {
            bag.Add(SiteErrors.BackendFailed, block.Span, block.Name, backend.Name, e.Message);
            return null;
        }
    }

    private static void ReportDuplicates(IReadOnlyList<ScenarioBlock> blocks, DiagnosticBag bag)
    {
        var seen = new Dictionary<string, ScenarioBlock>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (seen.TryGetValue(b.Name, out var first))
                bag.Add(ScenarioErrors.DuplicateScenario, b.Span, b.Name, first.Span.ToString());
            else
                seen[b.Name] = b;
        }
    }

    /// <summary>Whether the selected profile is one the scenario runs on; a profile it does not name is an error at the block.</summary>
    private static bool Runs(CompiledScenario compiled, ScenarioBlock block, RunSelection selection, DiagnosticBag bag)
    {
        if (selection.Profile is not { } profile || compiled.Profiles.Any(p => p.Name == profile)) return true;
        bag.Add(SiteErrors.ProfileNotRun, block.Span, block.Name, profile, string.Join(", ", compiled.Profiles.Select(p => p.Name)));
        return false;
    }
}
