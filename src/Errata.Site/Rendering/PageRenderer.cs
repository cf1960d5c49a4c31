using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Rendering.Html;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Verification;
using Scriban.Syntax;

namespace Errata.Site.Rendering;

/// <summary>
/// Renders documents into pages: the body through the document renderer (scenarios verified), then the layout.
/// Holds only what every page shares; what belongs to one page (its path, its outline) is handed
/// to that page's body renderer, never kept between pages.
/// </summary>
public sealed class PageRenderer(DocumentPipeline pipeline, TemplateSet templates, SiteView site, VerifiedScenarios verified, VerificationLedger ledger)
{
    /// <summary>
    /// Renders a page; <paramref name="all"/> is the site's pages in navigation order.
    /// A template that fails throws <see cref="PageRenderException"/> located in the document.
    /// </summary>
    public string Render(Page page, IReadOnlyList<Page> all)
    {
        try
        {
            return RenderPage(page, all);
        }
        catch (ScriptRuntimeException e)
        {
            throw new PageRenderException(SourceSpan.None(page.Document.Path), e);
        }
    }

    private string RenderPage(Page page, IReadOnlyList<Page> all)
    {
        var doc = page.Document;
        var outline = DocumentOutline.Of(doc);
        var root = RootOf(page.OutputPath);
        var nav = Nav(all, root, page);
        var index = all.ToList().FindIndex(p => p.RelativePath == page.RelativePath);
        var view = new PageView(
            site,
            page.Title,
            page.RelativePath,
            root,
            new RawHtml(BodyRenderer(page, outline).Render(doc)),
            nav,
            Toc(doc, outline),
            index > 0 ? nav[index - 1] : null,
            index + 1 < nav.Count ? nav[index + 1] : null,
            ShowTitle: !doc.Children.OfType<Section>().Any(s => DocumentOutline.HeadingLevel(s) == 1),
            IsScenarioIndex: false,
            Canonical: site.CanonicalOf(page.OutputPath));
        return templates.Render("layout.html", view);
    }

    /// <summary>
    /// The document renderer for one page: sections at the page's heading levels, paragraphs
    /// a scenario proves with their anchor, and scenario blocks with their verified result.
    /// </summary>
    private HtmlRenderer BodyRenderer(Page page, DocumentOutline outline)
    {
        var html = pipeline.CreateRenderer();
        html.Set<Section>(RenderSection);
        html.Set<Paragraph>((r, w, n) =>
        {
            // The paragraph a scenario proves carries an anchor the scenarios page links to.
            w.Raw("<p");
            if (outline.ScenarioAfter(n) is { } proved) w.Attribute("id", DocumentOutline.ProseId(proved));
            w.Raw(">");
            r.WriteAll(w, n.Inlines);
            w.Raw("</p>\n");
        });
        html.Set<ScenarioBlock>((_, w, block) =>
        {
            // A block without a result did not compile; the build stops before rendering then.
            var result = verified.For(block) ?? throw new InvalidOperationException($"scenario '{block.Name}' is rendered without a result");
            var level = outline.ScenarioHeadingLevel(block);
            var view = ScenarioViewBuilder.Build(result, site, page.RelativePath, level, profile => ledger.DateFor(VerificationLedger.Key(result, profile, RunBy(result, profile) ?? site.MachineVersion)));
            try
            {
                w.Raw(templates.Render("partials/scenario.html", view));
            }
            catch (ScriptRuntimeException e)
            {
                throw new PageRenderException(block.Span, e);
            }
        });
        return html;
    }

    /// <summary>What made a run when not the built-in machine: its verification date is its own, not the machine's.</summary>
    private static string? RunBy(ScenarioResult result, string profile) =>
        result.Runs.FirstOrDefault(r => r.Profile.Name == profile)?.Outcome.Provenance?.ToString();

    /// <summary>Renders the scenarios page (at the site's root) with the theme's scenarios.html inside the layout.</summary>
    public string RenderScenarioIndex(ScenarioIndexView index, IReadOnlyList<Page> all) =>
        RenderGenerated("Scenarios", templates.Render("scenarios.html", index), all, isScenarioIndex: true, isRules: false);

    /// <summary>Renders the rules page (at the site's root) with the theme's rules.html inside the layout.</summary>
    public string RenderRules(RulesView rules, IReadOnlyList<Page> all) =>
        RenderGenerated("Rules", templates.Render("rules.html", rules), all, isScenarioIndex: false, isRules: true);

    /// <summary>A page the generator writes itself at the site's root: no source, no table of contents, its own h1.</summary>
    private string RenderGenerated(string title, string content, IReadOnlyList<Page> all, bool isScenarioIndex, bool isRules)
    {
        var view = new PageView(
            site,
            title,
            "",
            "",
            new RawHtml(content),
            Nav(all, "", null),
            [],
            null,
            null,
            ShowTitle: false,
            IsScenarioIndex: isScenarioIndex,
            IsRules: isRules,
            Canonical: site.CanonicalOf(isRules ? "rules.html" : "scenarios.html"));
        return templates.Render("layout.html", view);
    }

    public static string RootOf(string outputPath) => string.Concat(Enumerable.Repeat("../", outputPath.Count(c => c == '/')));

    private static List<NavItem> Nav(IReadOnlyList<Page> all, string root, Page? current) =>
        all.Select(p => new NavItem(p.Title, root + p.OutputPath, p.RelativePath == current?.RelativePath)).ToList();

    /// <summary>Sections below the page's title, and the scenarios among them, in document order.</summary>
    private static List<TocItem> Toc(Document doc, DocumentOutline outline) =>
        NodeWalker.Descendants(doc).Select(n => n switch
        {
            Section s when DocumentOutline.HeadingLevel(s) > 1 => new TocItem(Slug.PlainText(s.Title), s.Id, DocumentOutline.HeadingLevel(s), "section"),
            ScenarioBlock b => new TocItem("Scenario: " + b.Name, b.Id, outline.ScenarioHeadingLevel(b), "scenario"),
            _ => null,
        }).OfType<TocItem>().ToList();

    /// <summary>
    /// Sections as the document renderer writes them, except that the document's top sections
    /// are the page's h1: every page then has one main heading and levels never skip.
    /// </summary>
    private static void RenderSection(HtmlRenderer r, HtmlWriter w, Section n) =>
        SectionRenderer.Write(r, w, n, DocumentOutline.HeadingLevel(n));
}
