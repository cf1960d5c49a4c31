namespace Errata.Site.Building;

/// <summary>
/// What to build: the config file (its folder is the site's root), an output override,
/// whether to write a site at all (check does not), and whether warnings fail the build.
/// </summary>
public sealed record BuildOptions(string ConfigPath, string? Output = null, bool WriteSite = true, bool Strict = false);
