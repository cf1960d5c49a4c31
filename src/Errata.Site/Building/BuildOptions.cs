using Errata.Machine.Backends;

namespace Errata.Site.Building;

/// <summary>
/// What to build: the config file (its folder is the site's root), an output override,
/// whether to write a site at all (check does not), whether warnings fail the build,
/// the clock that dates first verifications, and the backend the scenarios run on
/// (null: the built-in machine).
/// </summary>
public sealed record BuildOptions(string ConfigPath, string? Output = null, bool WriteSite = true, bool Strict = false)
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public IMachineBackend? Backend { get; init; }
}
