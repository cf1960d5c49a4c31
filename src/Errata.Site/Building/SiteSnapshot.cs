using Errata.Documents;
using Errata.Site.Config;
using Errata.Site.Output;
using Errata.Site.Rendering;
using Errata.Site.Verification;

namespace Errata.Site.Building;

/// <summary>
/// Everything a written site was built from, kept by `serve` so that the next save rebuilds
/// only what changed (<see cref="SiteUpdate"/>): the configuration and theme as read, the
/// source files, their pages and the verified scenarios.
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
    VerifiedScenarios Verified);
