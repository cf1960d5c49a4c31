using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Site.Config;
using Errata.Site.Verification;

namespace Errata.Site.Building;

/// <summary>
/// Verifies one document (`errata run`, `errata accept`): the site's pipeline on one file,
/// optionally one scenario and one profile, with or without a trace.
/// </summary>
public static class DocumentRun
{
    /// <param name="sourceRoot">The site's source folder: a document inside it is named relative to it, as its site names it; one outside keeps the path it was given.</param>
    public static VerificationOutcome Run(string file, SiteConfig config, string? scenario, RunSelection selection, string? sourceRoot = null)
    {
        var bag = new DiagnosticBag();
        var full = Path.GetFullPath(file);
        var display = SiteBuilder.Display(full);
        var pipeline = SitePipeline.Create();
        if (!File.Exists(full))
            bag.Add(DocumentErrors.UnreadableFile, SourceSpan.None(display), display, "no such file");
        else if (!pipeline.CanRead(full))
            bag.Add(DocumentErrors.UnreadableFile, SourceSpan.None(display), display, "expected a file ending in " + string.Join(" or ", pipeline.Extensions));
        if (bag.HasErrors) return new(bag.Items, 0, []);

        var real = RealPath.Resolve(full) ?? full;
        if (DocumentSource.Read(pipeline, real, display, new ReadContext(Path.GetDirectoryName(real)!, config.AllowRaw), bag) is not { } doc)
            return new(bag.Items, 0, []);
        var blocks = doc.Descendants<ScenarioBlock>().Where(b => scenario is null || b.Name == scenario).ToList();
        if (scenario is not null && blocks.Count == 0)
            bag.Add(SiteErrors.NoSuchScenario, SourceSpan.None(display), scenario, display);
        ScenarioVerifier.ReportDuplicates(blocks, bag);
        var inSite = sourceRoot is not null && RealPath.IsInside(Path.GetFullPath(sourceRoot), full) ? sourceRoot : null;
        var verified = ScenarioVerifier.Verify(blocks, config, selection, bag, sourceRoot: inSite);
        return new(bag.Items, 1, verified.InOrder);
    }
}
