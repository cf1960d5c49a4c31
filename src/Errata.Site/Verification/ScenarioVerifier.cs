using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Scenarios;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Verification;

/// <summary>
/// Which runs to make: every profile a scenario names, or only <see cref="Profile"/>;
/// with a trace (`errata run --trace`) or without; on the built-in machine or on
/// <see cref="Backend"/> (`--backend qemu`).
/// </summary>
public sealed record RunSelection(string? Profile = null, bool Trace = false, IMachineBackend? Backend = null)
{
    public static readonly RunSelection All = new();

    /// <summary>
    /// `check --profile`: only these of the profiles each scenario runs on (empty: all of them);
    /// unlike <see cref="Profile"/>, a scenario that runs none of them is left out, not an error.
    /// </summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Stop at the first scenario, in document order, with a claim that fails (`--fail-fast`).</summary>
    public bool FailFast { get; init; }

    public bool Includes(string profile) =>
        (Profile is null || Profile == profile) &&
        (Profiles.Count == 0 || Profiles.Contains(profile, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// The steps after reading, the same for every command: compile each scenario block, run it
/// on its profiles, and judge its claims. Problems go into the bag in document order, failed
/// claims last, so a report lists them as the reader meets them.
/// </summary>
public static class ScenarioVerifier
{
    /// <param name="cache">Where outcomes of earlier runs are kept; null runs everything and keeps nothing.</param>
    /// <param name="sourceRoot">The site's source folder, which runs name documents relative to; null for a document read alone.</param>
    public static VerifiedScenarios Verify(IReadOnlyList<ScenarioBlock> blocks, SiteConfig config, RunSelection selection, DiagnosticBag bag,
        PhaseProgress? progress = null, VerdictCache? cache = null, string? sourceRoot = null)
    {
        progress ??= new PhaseProgress(IBuildProgress.None, BuildPhase.Verify);
        progress.Start(blocks.Count);
        var options = new ScenarioOptions(config.DefaultProfiles) { SourceRoot = sourceRoot };
        var settings = RunSettings(config, selection.Trace);
        // Another backend's runs are its own evidence: never served from, nor kept in, the built-in machine's cache.
        var backend = selection.Backend is { } chosen && chosen is not BuiltInBackend ? chosen : null;
        var source = backend is not null ? ScenarioRunner.On(backend) : cache is null ? null : new OutcomeSource(cache.Outcome);
        var bags = new DiagnosticBag[blocks.Count];
        var results = new ScenarioResult?[blocks.Count];
        // Scenarios are independent: compile and run them across cores, then report in document order.
        var loop = Parallel.For(0, blocks.Count, (i, state) =>
        {
            bags[i] = new DiagnosticBag();
            if (ScenarioCompiler.Compile(blocks[i], options, bags[i]) is { } compiled && Runs(compiled, blocks[i], selection, bags[i]))
                results[i] = RunSelected(compiled, blocks[i], selection, settings, source, backend, bags[i]);
            progress.Advance();
            // Break, not Stop: every scenario before this one still runs, so what is reported is the same every time.
            if (selection.FailFast && results[i] is { AllHold: false }) state.Break();
        });
        cache?.Save();
        // With --fail-fast, the scenarios up to the first that fails, in document order, whatever else finished.
        var ran = loop.LowestBreakIteration is { } last ? (int)last + 1 : blocks.Count;
        foreach (var b in bags.Take(ran)) if (b is not null) bag.AddRange(b.Items);
        var verified = new VerifiedScenarios(results.Take(ran).OfType<ScenarioResult>());
        foreach (var r in verified.InOrder) bag.AddRange(r.FailedClaims());
        return verified;
    }

    /// <summary>
    /// Runs the selected profiles. A backend that realises one profile runs only that one; a
    /// scenario that does not name it is noted at the block and counted, not run. A backend that
    /// cannot run the scenario (QEMU missing, a guest that hangs, an image that does not fit) is
    /// bad input at the block.
    /// </summary>
    private static ScenarioResult? RunSelected(CompiledScenario compiled, ScenarioBlock block, RunSelection selection, RunOptions settings,
        OutcomeSource? source, IMachineBackend? backend, DiagnosticBag bag)
    {
        var realised = backend?.Realises;
        var profiles = compiled.Profiles.Where(p => selection.Includes(p.Name) && (realised is null || p.Name == realised)).ToList();
        if (profiles.Count == 0)
        {
            if (realised is null || !compiled.Profiles.Any(p => selection.Includes(p.Name))) return null;
            bag.Add(SiteErrors.NotApplicableOnBackend, block.Span, block.Name, realised, backend!.Name, string.Join(", ", compiled.Profiles.Select(p => p.Name)));
            return new ScenarioResult(compiled, []) { NotApplicableOn = realised };
        }
        try
        {
            return new ScenarioResult(compiled, profiles.Select(p => ScenarioRunner.RunOn(compiled, p, settings, source)).ToList());
        }
        catch (BackendFailure e)
        {
            bag.Add(SiteErrors.BackendFailed, block.Span, block.Name, backend?.Name ?? BuiltInBackend.Instance.Name, e.Message);
            return null;
        }
    }

    /// <summary>How every scenario runs: with or without a trace, within the configured wall-clock limit.</summary>
    public static RunOptions RunSettings(SiteConfig config, bool trace = false) =>
        new(trace, TimeSpan.FromMilliseconds(config.RunTimeout));

    /// <summary>A scenario name written twice is bad input: every command asks this of all the blocks it read, before verifying any.</summary>
    public static void ReportDuplicates(IReadOnlyList<ScenarioBlock> blocks, DiagnosticBag bag)
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
