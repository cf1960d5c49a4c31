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
/// Safe to call from several threads at once: every page gets its own renderer and template context.
/// </summary>
public sealed class PageRenderer(DocumentPipeline pipeline, TemplateSet templates, SiteView site, VerifiedScenarios verified, VerificationLedger ledger, SidebarBuilder sidebar)
{
    /// <summary>
    /// Renders a page of the site (its place in the navigation comes from the sidebar).
    /// A template that fails throws <see cref="PageRenderException"/> located in the document.
    /// </summary>
    public string Render(Page page)
    {
        try
        {
            return RenderPage(page);
        }
        catch (ScriptRuntimeException e)
        {
            throw new PageRenderException(SourceSpan.None(page.Document.Path), e);
        }
    }

    private string RenderPage(Page page)
    {
        var doc = page.Document;
        var outline = DocumentOutline.Of(doc);
        var root = RootOf(page.OutputPath);
        var (previous, next) = sidebar.Neighbours(page);
        var view = new PageView(
            site,
            page.Title,
            page.RelativePath,
            root,
            new RawHtml(BodyRenderer(page, sidebar.Tree.Pages, outline).Render(doc)),
            sidebar.For(page, root),
            Toc(doc, outline),
            Link(previous, root),
            Link(next, root),
            ShowTitle: !doc.Children.OfType<Section>().Any(s => DocumentOutline.HeadingLevel(s) == 1),
            IsScenarioIndex: false,
            Canonical: site.CanonicalOf(page.OutputPath),
            HasContents: HasContents);
        return templates.Render("layout.html", view);
    }

    /// <summary>
    /// The document renderer for one page: sections at the page's heading levels, paragraphs
    /// a scenario proves with their anchor, scenario blocks with their verified result, and gap tables.
    /// </summary>
    private HtmlRenderer BodyRenderer(Page page, IReadOnlyList<Page> all, DocumentOutline outline)
    {
        var html = pipeline.CreateRenderer();
        html.Set<Section>(RenderSection);
        html.Set<Paragraph>((r, w, n) =>
        {
            // The paragraph a scenario proves carries an anchor the scenarios page links to.
            w.Raw("<p");
            if (outline.ScenarioAfter(n) is { } proved) w.Attribute("id", DocumentOutline.ProseId(proved));
            w.Classes("", n.Classes).Raw(">");
            r.WriteAll(w, n.Inlines);
            w.Raw("</p>\n");
        });
        html.Set<ScenarioBlock>((_, w, block) =>
        {
            // A block without a result did not compile; the build stops before rendering then.
            var result = verified.For(block) ?? throw new InvalidOperationException($"scenario '{block.Name}' is rendered without a result");
            var level = outline.ScenarioHeadingLevel(block);
            var view = ScenarioViewBuilder.Build(result, site, page.RelativePath, level, profile => ledger.DateFor(result, profile, site.MachineVersion));
            w.Raw(Partial("scenario", view, block.Span));
        });
        html.Set<GapTableBlock>((_, w, block) =>
        {
            w.Raw(Partial("gaps", GapViews.OfBlock(block, page, all, verified, RootOf(page.OutputPath)), block.Span));
        });
        return html;
    }

    /// <summary>A partial of the theme for one block; a template that fails is reported at the block.</summary>
    private string Partial(string name, object view, SourceSpan block)
    {
        try
        {
            return templates.Render("partials/" + name + ".html", view);
        }
        catch (ScriptRuntimeException e)
        {
            throw new PageRenderException(block, e);
        }
    }

    /// <summary>Renders the scenarios page (at the site's root) with the theme's scenarios.html inside the layout.</summary>
    /// <param name="stop">Set: rendering stops with <see cref="OperationCanceledException"/> (so for the other generated pages).</param>
    public string RenderScenarioIndex(ScenarioIndexView index, CancellationToken stop = default) =>
        RenderGenerated("Scenarios", templates.Render("scenarios.html", index, stop), "scenarios.html", stop);

    /// <summary>Renders the rules page (at the site's root) with the theme's rules.html inside the layout.</summary>
    public string RenderRules(RulesView rules, CancellationToken stop = default) =>
        RenderGenerated("Rules", templates.Render("rules.html", rules, stop), "rules.html", stop);

    /// <summary>Renders the contents page (at the site's root): the whole navigation tree, in the theme's contents.html.</summary>
    public string RenderContents(CancellationToken stop = default) =>
        RenderGenerated("All pages", templates.Render(SidebarBuilder.ContentsPage, sidebar.Contents(""), stop), SidebarBuilder.ContentsPage, stop);

    /// <summary>Whether the theme has a contents page (the sidebar links to it).</summary>
    public bool HasContents => templates.Has(SidebarBuilder.ContentsPage);

    /// <summary>A page the generator writes itself at the site's root: no source, no table of contents, its own h1.</summary>
    private string RenderGenerated(string title, string content, string outputPath, CancellationToken stop)
    {
        var view = new PageView(
            site,
            title,
            "",
            "",
            new RawHtml(content),
            sidebar.For(null, ""),
            [],
            null,
            null,
            ShowTitle: false,
            IsScenarioIndex: outputPath == "scenarios.html",
            IsRules: outputPath == "rules.html",
            Canonical: site.CanonicalOf(outputPath),
            IsContents: outputPath == SidebarBuilder.ContentsPage,
            HasContents: HasContents);
        return templates.Render("layout.html", view, stop);
    }

    public static string RootOf(string outputPath) => string.Concat(Enumerable.Repeat("../", outputPath.Count(c => c == '/')));

    private static NavItem? Link(Page? page, string root) => page is null ? null : new NavItem(page.Title, root + page.OutputPath, false);

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
