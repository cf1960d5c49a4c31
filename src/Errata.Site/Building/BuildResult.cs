using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Verification;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Building;

/// <summary>What a build or check produced: the outcome of verifying, the documents read, and the folder written (null when none was).</summary>
public sealed record BuildResult(VerificationOutcome Outcome, IReadOnlyList<Document> Documents, string? OutputFolder)
{
    public IReadOnlyList<Diagnostic> Diagnostics => Outcome.Diagnostics;
    public IReadOnlyList<ScenarioResult> Scenarios => Outcome.Scenarios;
    public ExitCode ExitCode => Outcome.ExitCode;

    /// <summary>How long each phase took, for `--timings`.</summary>
    public BuildTimings Timings { get; init; } = BuildTimings.None;

    /// <summary>Where each run's outcome came from (the verdict cache or the machine, and why), for `--verbose`.</summary>
    public IReadOnlyList<CachedRun> Runs { get; init; } = [];

    /// <summary>What the written site was built from (null when nothing was written): `serve` rebuilds from it.</summary>
    public SiteSnapshot? Snapshot { get; init; }

    /// <summary>How many of the documents' pages were rendered (all of them, unless a rebuild rendered fewer).</summary>
    public int? Rendered { get; init; }
}
