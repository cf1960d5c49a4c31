using Errata.Diagnostics;
using Errata.Machine;
using Errata.Site.Rendering;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Site.Building;

/// <summary>
/// Renders one state of a site in two parts: pages, and the site-wide files that depend on
/// every page (the generated pages, the search index, the verdict data). A build does both at
/// once; `serve` (<see cref="SiteUpdate"/>) writes the pages a save changed first and the
/// site-wide files after, so the author sees the page before the rest settles. A template
/// that fails is reported and the part returns false.
/// </summary>
internal sealed class SiteRendering
{
    /// <summary>The generated page that shows every page's scenarios, and so changes with any of them.</summary>
    internal const string ScenariosPage = "scenarios.html";

    private readonly SiteSnapshot _site;
    private readonly VerificationLedger _ledger;
    private readonly SiteView _view;
    private readonly PageRenderer _renderer;

    public SiteRendering(SiteSnapshot site, VerificationLedger ledger)
    {
        _site = site;
        _ledger = ledger;
        _view = new SiteView(site.Config.Title, site.Config.BaseUrl, X86Machine.Version, site.Config.Reference);
        Tree = NavigationTree.Build(site.Pages);
        _renderer = new PageRenderer(site.Pipeline, site.Templates, _view, site.Verified, ledger, new SidebarBuilder(Tree, site.Verified, site.Templates.Has(SidebarBuilder.ContentsPage)));
    }

    public NavigationTree Tree { get; }

    /// <summary>Renders <paramref name="pages"/> (every page, or the few a rebuild changed) across cores.</summary>
    /// <param name="superseded">Asked between pages (<see cref="OperationCanceledException"/>): `serve` stops when the next save arrives.</param>
    public bool Pages(IReadOnlyList<Page> pages, Action<string, string> writeText, DiagnosticBag bag, PhaseProgress progress, CancellationToken superseded = default)
    {
        progress.Start(pages.Count);
        return Guarded(bag, () => PageWork.ForEach(pages, page =>
        {
            writeText(page.OutputPath, _renderer.Render(page));
            progress.Advance();
        }, superseded));
    }

    /// <summary>The generated pages (those <paramref name="generated"/> names; all for a build), the search index and the verdict data.</summary>
    /// <param name="superseded">Asked between files, between pages and at each step of a template's loops (<see cref="OperationCanceledException"/>): `serve` stops when the next save arrives.</param>
    public bool SiteWide(Action<string, string> writeText, DiagnosticBag bag, Func<string, bool>? generated = null, CancellationToken superseded = default)
    {
        if (!Guarded(bag, () =>
            {
                foreach (var (name, render) in Generated(generated, superseded))
                {
                    superseded.ThrowIfCancellationRequested();
                    writeText(name, render());
                }
            }))
            return false;
        superseded.ThrowIfCancellationRequested();
        writeText(SearchIndex, SearchIndexBuilder.ToJson(SearchIndexBuilder.Build(Tree.Pages, _site.Verified, superseded)));
        superseded.ThrowIfCancellationRequested();
        writeText(VerdictData.FileName, VerdictData.Write(Tree.Pages, _site.Verified, (result, profile) => _ledger.DateFor(result, profile, _view.MachineVersion), superseded));
        return true;
    }

    private const string SearchIndex = "search-index.json";

    /// <summary>
    /// The generated pages to write: a theme without one of these templates has no such page,
    /// and a document of that name keeps its page.
    /// </summary>
    private IEnumerable<(string Name, Func<string> Render)> Generated(Func<string, bool>? generated, CancellationToken stop) =>
        GeneratedPages(Tree.Pages, stop).Where(g => _site.Templates.Has(g.Name) && (generated?.Invoke(g.Name) ?? true) && !Tree.Pages.Any(p => p.OutputPath == g.Name));

    private (string Name, Func<string> Render)[] GeneratedPages(IReadOnlyList<Page> ordered, CancellationToken stop) =>
    [
        (ScenariosPage, () => _renderer.RenderScenarioIndex(ScenarioIndexBuilder.Build(ordered, _site.Verified, stop), stop)),
        ("rules.html", () => _renderer.RenderRules(RulesPageBuilder.Build(_site.Config.Reference), stop)),
        (SidebarBuilder.ContentsPage, () => _renderer.RenderContents(stop)),
    ];

    private static bool Guarded(DiagnosticBag bag, Action render)
    {
        try
        {
            render();
            return true;
        }
        catch (PageRenderException e)
        {
            bag.Add(e.Diagnostic);
            return false;
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            bag.Add(SiteErrors.Runtime, new SourceSpan(e.Span.FileName, e.Span.Start.Line, e.Span.Start.Column, 1), e.OriginalMessage);
            return false;
        }
    }
}
