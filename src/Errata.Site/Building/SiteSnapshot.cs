using Errata.Documents;
using Errata.Site.Config;
using Errata.Site.Output;
using Errata.Site.Rendering;
using Errata.Site.Verification;

namespace Errata.Site.Building;

/// <summary>
/// Everything a written site was built from, kept by `serve` so that the next save rebuilds
/// only what changed (<see cref="SiteUpdate"/>): the configuration and theme as read, the
/// source files, their pages, the verified scenarios and what the build reported.
/// </summary>
public sealed record SiteSnapshot(
    BuildOptions Options,
    SiteConfig Config,
    string ConfigPath,
    string SourceRoot,
    string TemplatesFolder,
    DocumentPipeline Pipeline,
    TemplateSet Templates,
    OutputTarget Output,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<Page> Pages,
    VerifiedScenarios Verified)
{
    /// <summary>The diagnostics of the build that wrote it: a rebuild reports again those of the documents it did not read.</summary>
    public IReadOnlyList<Errata.Diagnostics.Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>
    /// What a rebuild published the changed pages of but did not finish, superseded by the next
    /// save: the pages and site-wide files still to write (null: nothing is owed).
    /// </summary>
    public SiteUpdateOwed? Owed { get; init; }

    /// <summary>The verification ledger the build opened: the next rebuild takes what it read of verified.json while the file is unchanged.</summary>
    public VerificationLedger? Ledger { get; init; }

    /// <summary>The verdict cache the build verified with: the next rebuild takes what it read of the cache's file while the file is unchanged.</summary>
    public Verification.Cache.VerdictCache? Cache { get; init; }
}

/// <param name="Pages">Output pages still to render, by source path.</param>
/// <param name="EveryGenerated">Whether every generated page is owed, not only the scenarios page.</param>
public sealed record SiteUpdateOwed(IReadOnlySet<string> Pages, bool EveryGenerated);
