using Errata.Documents;
using Errata.Documents.Rendering.Html;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Rendering;

/// <summary>Renders documents into pages: the body through the document renderer (scenarios verified), then the layout.</summary>
public sealed class PageRenderer
{
    private readonly TemplateSet _templates;
    private readonly SiteView _site;
    private readonly HtmlRenderer _html;

    public PageRenderer(DocumentPipeline pipeline, TemplateSet templates, SiteView site, IReadOnlyDictionary<ScenarioBlock, ScenarioResult> results, VerificationLedger ledger)
    {
        _templates = templates;
        _site = site;
        _html = pipeline.CreateRenderer();
        _html.Set<ScenarioBlock>((_, w, block) =>
        {
            // A block without a result did not compile; the build stops before rendering then.
            var result = results[block];
            var view = ScenarioViewBuilder.Build(result, site.Reference, profile => ledger.DateFor(VerificationLedger.Key(result, profile, site.MachineVersion)));
            w.Raw(_templates.Render("partials/scenario.html", view));
        });
    }

    public string Render(Page page, IReadOnlyList<Page> all)
    {
        var doc = page.Document;
        var root = string.Concat(Enumerable.Repeat("../", page.OutputPath.Count(c => c == '/')));
        var nav = all.Select(p => new NavItem(p.Title, root + p.OutputPath, ReferenceEquals(p, page))).ToList();
        var index = all.ToList().IndexOf(page);
        var toc = doc.Descendants<Section>().Select(s => new TocItem(Slug.PlainText(s.Title), s.Id, s.Level)).ToList();
        var view = new PageView(
            _site,
            page.Title,
            doc.Path,
            root,
            new RawHtml(_html.Render(doc)),
            nav,
            toc,
            index > 0 ? nav[index - 1] : null,
            index + 1 < nav.Count ? nav[index + 1] : null);
        return _templates.Render("layout.html", view);
    }
}
