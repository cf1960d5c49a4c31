using Errata.Documents.Syntax;
using Errata.Site.Rendering;

namespace Errata.Site.Building;

/// <summary>
/// The pages a rebuild must read or render again although their source did not change,
/// because what they show was taken from other pages (<see cref="CrossReferences"/>,
/// gap tables of the whole site).
/// </summary>
internal static class SiteUpdateDependents
{
    /// <summary>
    /// Pages whose resolved cross-references may read differently once <paramref name="moved"/>
    /// changed what others show of them (title, sections, targets): a link to one of them
    /// (resolving replaced the role by that link, so only reading the source again brings the
    /// role back), a <c>:ref:</c> or <c>:doc:</c> that resolved to nothing (a moved page may now
    /// answer it), or a toctree (its entries show titles). Links an author wrote to those
    /// pages count too: reading such a page again costs little and changes nothing.
    /// </summary>
    public static IEnumerable<Page> Referencing(IEnumerable<Page> pages, IReadOnlyCollection<Page> moved) =>
        pages.Where(page =>
        {
            var root = PageRenderer.RootOf(page.OutputPath);
            var targets = moved.Select(m => root + m.OutputPath).ToList();
            return NodeWalker.Descendants(page.Document).Any(node => node switch
            {
                TocTree => true,
                InterpretedText { Role: "ref" or "doc" } => true,
                Link link => targets.Any(t => link.Url == t || link.Url.StartsWith(t + "#", StringComparison.Ordinal)),
                _ => false,
            });
        });

    /// <summary>Pages holding a gap table of the whole site, which shows every page's scenarios.</summary>
    public static IEnumerable<Page> ShowingEveryScenario(IEnumerable<Page> pages) =>
        pages.Where(p => p.Document.Descendants<GapTableBlock>().Any(g => g.WholeSite));
}
