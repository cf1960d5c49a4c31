using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Site.Rendering;

namespace Errata.Site.Building;

/// <summary>
/// Resolves what Sphinx resolves between pages once all are read: <c>:doc:</c> to the named
/// page (shown by its title), <c>:ref:</c> to the target of that name in any page (shown by
/// the title of the section the target stands before), and toctree entries to their pages
/// (shown by title). Each becomes a link relative to the page it is on; one that names
/// nothing is a located warning and keeps its text.
/// </summary>
public static class CrossReferences
{
    private sealed record Label(Page Page, string Id, string? Title);

    /// <param name="only">The pages to resolve (null: all of them), against every page of <paramref name="pages"/>: a rebuild resolves only those it read again.</param>
    public static void Resolve(IReadOnlyList<Page> pages, DiagnosticBag bag, IReadOnlyCollection<Page>? only = null)
    {
        var byName = SiteNavigation.ByName(pages, out var extensions);
        var labels = Labels(pages);
        foreach (var page in only ?? pages)
        {
            var folder = SiteNavigation.FolderOf(page);
            var root = PageRenderer.RootOf(page.OutputPath);
            foreach (var toc in page.Document.Descendants<TocTree>())
            {
                toc.Links.Clear();
                for (var i = 0; i < toc.Entries.Count; i++)
                {
                    if (byName.TryGetValue(SiteNavigation.Resolve(folder, toc.Entries[i], extensions), out var target))
                        toc.Links.Add(new TocTreeLink(root + target.OutputPath, toc.Titles.ElementAtOrDefault(i) ?? target.Title));
                    else
                        bag.Add(SiteErrors.UnknownTocTreeEntry, toc.Span, toc.Entries[i]);
                }
            }
            foreach (var (list, index, role) in Roles(page.Document).ToList())
            {
                var name = role.Target ?? Slug.PlainText(role.Children);
                var explicitTitle = role.Target is null ? null : Slug.PlainText(role.Children);
                Link? link = null;
                if (role.Role == "doc")
                {
                    if (byName.TryGetValue(SiteNavigation.Resolve(folder, name.Trim(), extensions), out var target))
                        link = LinkTo(root + target.OutputPath, explicitTitle ?? target.Title, role.Span);
                    else bag.Add(SiteErrors.UnknownDocument, role.Span, name);
                }
                else if (labels.TryGetValue(Normalize(name), out var label))
                {
                    var here = ReferenceEquals(label.Page, page) ? "" : root + label.Page.OutputPath;
                    link = LinkTo(here + "#" + label.Id, explicitTitle ?? label.Title ?? name, role.Span);
                }
                else bag.Add(SiteErrors.UnknownLabel, role.Span, name);
                if (link is not null) list[index] = link;
            }
        }
    }

    private static Link LinkTo(string url, string text, SourceSpan span)
    {
        var link = new Link { Url = url, Span = span };
        link.Children.Add(new Text { Value = text, Span = span });
        return link;
    }

    /// <summary>
    /// Internal targets by name: one that stands before a section (other targets may come
    /// between, and the section may open after the target's own section ends) names that
    /// section; any other names its own anchor.
    /// </summary>
    private static Dictionary<string, Label> Labels(IReadOnlyList<Page> pages)
    {
        var labels = new Dictionary<string, Label>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var blocks = NodeWalker.Descendants(page.Document).OfType<Block>().ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i] is not Target { Url: null, Name.Length: > 0 } target) continue;
                var next = blocks.Skip(i + 1).FirstOrDefault(b => b is not Target);
                var label = next is Section section
                    ? new Label(page, section.Id, Slug.PlainText(section.Title))
                    : new Label(page, target.Id, null);
                labels.TryAdd(Normalize(target.Name), label);
            }
        }
        return labels;
    }

    /// <summary>The <c>:ref:</c> and <c>:doc:</c> roles with the inline list holding each, last first so replacing keeps indexes valid.</summary>
    private static IEnumerable<(List<Inline> List, int Index, InterpretedText Role)> Roles(Document document)
    {
        foreach (var node in NodeWalker.Descendants(document))
        {
            var list = node switch { LeafBlock l => l.Inlines, ContainerInline c => c.Children, Section s => s.Title, _ => null };
            if (list is null) continue;
            for (var i = list.Count - 1; i >= 0; i--)
                if (list[i] is InterpretedText { Role: "ref" or "doc" } role) yield return (list, i, role);
        }
    }

    /// <summary>Labels compare as docutils normalises names: case and runs of whitespace do not count.</summary>
    private static string Normalize(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
