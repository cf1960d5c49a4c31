using Errata.Site.Verification;

namespace Errata.Site.Building;

/// <summary>
/// What to build: the config file (its folder is the site's root), an output override,
/// whether to write a site at all (check does not), whether warnings fail the build,
/// the clock that dates first verifications, and who watches the build's progress.
/// </summary>
public sealed record BuildOptions(string ConfigPath, string? Output = null, bool WriteSite = true, bool Strict = false)
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Reuse and keep outcomes in the site's verdict cache (.errata/cache). Off, every scenario
    /// runs and the cache is neither read nor written; the commands turn it on unless --no-cache.
    /// </summary>
    public bool UseCache { get; init; }

    /// <summary>Which scenarios to verify (`check` only: a site is rendered from all of them).</summary>
    public ScenarioFilter Filter { get; init; } = ScenarioFilter.None;

    /// <summary>Which profiles to run, and whether to stop at the first failing scenario (`check` only).</summary>
    public RunSelection Selection { get; init; } = RunSelection.All;

    /// <summary>Run `check --mutate` after verifying: report the claims that cannot fail.</summary>
    public bool Mutate { get; init; }

    public IBuildProgress Progress { get; init; } = IBuildProgress.None;
}
