using Errata.Documents.Syntax;

namespace Errata.Site.Building;

/// <summary>
/// The site's navigation as a tree: a page a toctree names sits under that page (as Sphinx
/// reads toctrees, depth first); any other page sits under its folder's index page, or under
/// a node for the folder when the folder has none. The root index page's children are the
/// top level, after the root index itself. The tree's depth-first order is the reading order
/// (previous and next).
/// </summary>
public sealed class NavigationTree
{
    private NavigationTree(IReadOnlyList<NavNode> top)
    {
        Top = top;
        var pages = new List<Page>();
        var parents = new Dictionary<NavNode, NavNode?>();
        void Walk(NavNode node, NavNode? parent)
        {
            parents[node] = parent;
            if (node.Page is { } page) pages.Add(page);
            foreach (var child in node.Children) Walk(child, node);
        }
        foreach (var node in top) Walk(node, null);
        Pages = pages;
        _parents = parents;
        _byPage = parents.Keys.Where(n => n.Page is not null).ToDictionary(n => n.Page!.RelativePath, StringComparer.Ordinal);
    }

    private readonly Dictionary<NavNode, NavNode?> _parents;
    private readonly Dictionary<string, NavNode> _byPage;

    /// <summary>The top level, in order.</summary>
    public IReadOnlyList<NavNode> Top { get; }

    /// <summary>Every page in reading order: the tree depth first.</summary>
    public IReadOnlyList<Page> Pages { get; }

    public NavNode NodeOf(Page page) => _byPage[page.RelativePath];

    /// <summary>The nodes from the top level down to <paramref name="node"/>, itself last.</summary>
    public IReadOnlyList<NavNode> PathTo(NavNode node)
    {
        var path = new List<NavNode>();
        for (NavNode? n = node; n is not null; n = _parents[n]) path.Add(n);
        path.Reverse();
        return path;
    }

    /// <param name="pages">The pages in folder order, index first (<see cref="SourceSet"/>).</param>
    public static NavigationTree Build(IReadOnlyList<Page> pages)
    {
        var byName = SiteNavigation.ByName(pages, out var extensions);
        var nodes = pages.ToDictionary(p => p.RelativePath, p => new NavNode(p.Title, p, p.RelativePath), StringComparer.Ordinal);
        var parent = new Dictionary<NavNode, NavNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unlisted = new List<NavNode>();

        // Toctrees first, as SiteNavigation always read them: a page belongs to the first toctree that reaches it.
        void Visit(Page page)
        {
            var node = nodes[page.RelativePath];
            var folder = SiteNavigation.FolderOf(page);
            foreach (var entry in page.Document.Descendants<TocTree>().SelectMany(t => t.Entries))
                if (byName.TryGetValue(SiteNavigation.Resolve(folder, entry, extensions), out var target) && seen.Add(target.RelativePath))
                {
                    var child = nodes[target.RelativePath];
                    node.Children.Add(child);
                    parent[child] = node;
                    Visit(target);
                }
        }
        foreach (var page in pages)
            if (seen.Add(page.RelativePath))
            {
                unlisted.Add(nodes[page.RelativePath]);
                Visit(page);
            }

        // Then every page no toctree names joins its folder, in folder order.
        var folders = new Dictionary<string, NavNode>(StringComparer.Ordinal);
        var indexOf = new Dictionary<string, NavNode>(StringComparer.Ordinal);
        foreach (var p in pages.Where(IsIndex)) indexOf.TryAdd(SiteNavigation.FolderOf(p), nodes[p.RelativePath]);
        var root = indexOf.GetValueOrDefault("");
        var top = new List<NavNode>();
        if (root is not null) top.Add(root);

        bool IsBelow(NavNode node, NavNode ancestor)
        {
            for (var n = node; parent.TryGetValue(n, out var p); n = p)
                if (p == ancestor) return true;
            return false;
        }

        // The node a folder's pages join: its index page, else a node for the folder itself; null for the top level.
        NavNode? Holder(string folder, NavNode joining)
        {
            if (folder == "") return root is not null && root != joining && !IsBelow(root, joining) ? root : null;
            if (indexOf.TryGetValue(folder, out var held) && held != joining && !IsBelow(held, joining)) return held;
            if (folders.TryGetValue(folder, out var existing)) return existing;
            var created = new NavNode(folder[(folder.LastIndexOf('/') + 1)..], null, folder + "/");
            folders[folder] = created;
            Attach(created, Holder(ParentFolder(folder), created));
            return created;
        }

        void Attach(NavNode node, NavNode? holder)
        {
            if (holder is null || holder == root) top.Add(node);
            else holder.Children.Add(node);
            if (holder is not null) parent[node] = holder;
        }

        foreach (var node in unlisted)
        {
            if (node == root) continue;
            var page = node.Page!;
            var folder = SiteNavigation.FolderOf(page);
            // A folder's index page joins the folder above; any other page joins its own folder.
            Attach(node, Holder(IsIndex(page) ? ParentFolder(folder) : folder, node));
        }
        // The root's toctree children lead the top level, before pages that joined by folder.
        if (root is not null)
        {
            var fromToctree = root.Children.ToList();
            root.Children.Clear();
            top.InsertRange(1, fromToctree);
        }
        return new NavigationTree(top);
    }

    private static bool IsIndex(Page page) => Path.GetFileNameWithoutExtension(page.RelativePath) == "index";

    private static string ParentFolder(string folder) => folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";
}

/// <summary>
/// An entry of the navigation: a page, or a folder without an index page (<see cref="Page"/>
/// null). <see cref="Key"/> names it uniquely: the page's source path, or the folder's path and '/'.
/// </summary>
public sealed class NavNode(string title, Page? page, string key)
{
    public string Key { get; } = key;
    public string Title { get; } = title;
    public Page? Page { get; } = page;
    public List<NavNode> Children { get; } = [];

    /// <summary>The first page at or below this node: where a folder's entry leads.</summary>
    public Page? FirstPage => Page ?? Children.Select(c => c.FirstPage).FirstOrDefault(p => p is not null);
}
