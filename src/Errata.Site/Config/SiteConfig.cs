namespace Errata.Site.Config;

/// <summary>site.config.json (docs/guide/commands.md): every key has a default. Paths are relative to the config file's folder.</summary>
public sealed record SiteConfig
{
    public string Title { get; init; } = "Errata";
    public string Source { get; init; } = "docs";
    public string Output { get; init; } = "_site";
    public string Templates { get; init; } = "templates";
    public IReadOnlyList<string> DefaultProfiles { get; init; } = ["apm", "kvm", "kvm-novgif"];
    public string Reference { get; init; } = "apm";
    public string BaseUrl { get; init; } = "/";
    /// <summary>Whether RST <c>raw</c> directives may pass HTML through; off because it bypasses escaping.</summary>
    public bool AllowRaw { get; init; }

    /// <summary>Wall-clock limit of one scenario run on one profile, in milliseconds; past it the run ends "timed out".</summary>
    public int RunTimeout { get; init; } = DefaultRunTimeout;

    public const int DefaultRunTimeout = 10_000;

    /// <summary>The largest <see cref="RunTimeout"/>: ten minutes, so a run always ends.</summary>
    public const int MaxRunTimeout = 600_000;

    /// <summary>Where each key was written, for errors that concern a value (a missing source folder).</summary>
    public IReadOnlyDictionary<string, Documents.Diagnostics.SourceSpan> KeySpans { get; init; } =
        new Dictionary<string, Documents.Diagnostics.SourceSpan>();
}
