namespace Errata.Site.Building;

/// <summary>
/// The order pages are navigated in (previous and next): the <see cref="NavigationTree"/>
/// depth first, so from the index page down its toctrees, as Sphinx reads them, and each
/// folder's other pages after them. Also how toctree entries name pages.
/// </summary>
public static class SiteNavigation
{
    /// <param name="pages">The pages in folder order, index first (<see cref="SourceSet"/>).</param>
    public static IReadOnlyList<Page> Order(IReadOnlyList<Page> pages) => NavigationTree.Build(pages).Pages;

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
