using Errata.Documents.Syntax;

namespace Errata.Site.Building;

/// <summary>
/// The order pages are navigated in (the sidebar, previous and next): from the index page
/// down its toctrees, depth first, as Sphinx reads them; pages no toctree names follow in
/// folder order. Without toctrees that is the folder order itself.
/// </summary>
public static class SiteNavigation
{
    /// <param name="pages">The pages in folder order, index first (<see cref="SourceSet"/>).</param>
    public static IReadOnlyList<Page> Order(IReadOnlyList<Page> pages)
    {
        var byName = ByName(pages, out var extensions);
        var ordered = new List<Page>(pages.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Visit(Page page)
        {
            if (!seen.Add(page.RelativePath)) return;
            ordered.Add(page);
            var folder = FolderOf(page);
            foreach (var entry in page.Document.Descendants<TocTree>().SelectMany(t => t.Entries))
                if (byName.TryGetValue(Resolve(folder, entry, extensions), out var target)) Visit(target);
        }

        foreach (var page in pages) Visit(page);
        return ordered;
    }

    /// <summary>Pages by source path without extension (as toctree entries and <c>:doc:</c> name them), and the extensions pages have.</summary>
    internal static Dictionary<string, Page> ByName(IReadOnlyList<Page> pages, out HashSet<string> extensions)
    {
        // Entries are written without extension; strip only the extensions pages really have.
        extensions = pages.Select(p => Path.GetExtension(p.RelativePath)).ToHashSet(StringComparer.Ordinal);
        var byName = new Dictionary<string, Page>(StringComparer.Ordinal);
        foreach (var p in pages) byName.TryAdd(WithoutExtension(p.RelativePath, extensions), p);
        return byName;
    }

    internal static string FolderOf(Page page) => Path.GetDirectoryName(page.RelativePath)?.Replace('\\', '/') ?? "";

    /// <summary>A toctree entry as a source path without extension: relative to the naming page's folder, or to the source root with a leading '/'.</summary>
    internal static string Resolve(string folder, string entry, HashSet<string> extensions)
    {
        var parts = new List<string>();
        var path = entry.StartsWith('/') ? entry[1..] : (folder.Length > 0 ? folder + "/" : "") + entry;
        foreach (var part in WithoutExtension(path, extensions).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    private static string WithoutExtension(string path, HashSet<string> extensions)
    {
        var ext = Path.GetExtension(path);
        return ext.Length > 0 && extensions.Contains(ext) ? path[..^ext.Length] : path;
    }
}
