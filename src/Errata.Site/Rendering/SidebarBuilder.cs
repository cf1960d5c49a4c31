using Errata.Documents.Syntax;
using Errata.Site.Building;
using Errata.Site.Verification;

namespace Errata.Site.Rendering;

/// <summary>
/// The sidebar of each page: the top level of the <see cref="NavigationTree"/>, with the branch
/// down to the current page open and every other entry closed, so a page's size does not grow
/// with the site's. A level with more than <see cref="MaxEntries"/> entries shows those around
/// the page and a link to the rest on the contents page, which holds the whole tree.
/// Pages holding a failing scenario are marked, and so is every closed entry above one.
/// Built once per site; each page's sidebar is then a walk down one branch.
/// </summary>
public sealed class SidebarBuilder
{
    /// <summary>Entries shown of one level around the current page (the contents page shows all).</summary>
    public const int MaxEntries = 15;

    public const string ContentsPage = "contents.html";

    private readonly NavigationTree _tree;
    private readonly Dictionary<Page, int> _order;
    private readonly HashSet<NavNode> _failing = [];
    private readonly Dictionary<NavNode, int> _failingBelow = [];
    private readonly bool _hasContents;

    public SidebarBuilder(NavigationTree tree, VerifiedScenarios verified, bool hasContents)
    {
        _tree = tree;
        _hasContents = hasContents;
        _order = tree.Pages.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        foreach (var node in tree.Top) CountFailing(node, verified);
    }

    public NavigationTree Tree => _tree;

    /// <summary>The page read before and after <paramref name="page"/>, in the tree's order.</summary>
    public (Page? Previous, Page? Next) Neighbours(Page page)
    {
        var i = _order[page];
        return (i > 0 ? _tree.Pages[i - 1] : null, i + 1 < _tree.Pages.Count ? _tree.Pages[i + 1] : null);
    }

    /// <summary>The sidebar of a page (null for the generated pages: the top level only), links relative to <paramref name="root"/>.</summary>
    public NavListView For(Page? current, string root)
    {
        var path = current is null ? [] : _tree.PathTo(_tree.NodeOf(current));
        return Level(_tree.Top, 0, path, root);
    }

    /// <summary>The whole tree, every entry open: the contents page.</summary>
    public NavListView Whole(string root) => Whole(_tree.Top, root);

    private NavListView Whole(IReadOnlyList<NavNode> nodes, string root) =>
        new([.. nodes.Select(n => Entry(n, root, current: false, open: n.Children.Count > 0, Whole(n.Children, root)))], WithAnchors: true);

    /// <summary>The contents page's model.</summary>
    public ContentsView Contents(string root) => new(Whole(root), _tree.Pages.Count, _failing.Count);

    private NavListView Level(IReadOnlyList<NavNode> nodes, int depth, IReadOnlyList<NavNode> path, string root)
    {
        var onPath = depth < path.Count ? path[depth] : null;
        var at = onPath is null ? 0 : Math.Max(0, IndexOf(nodes, onPath));
        // A window of MaxEntries around the entry on the path, shifted to stay inside the level.
        var first = nodes.Count <= MaxEntries ? 0 : Math.Clamp(at - MaxEntries / 2, 0, nodes.Count - MaxEntries);
        var last = Math.Min(nodes.Count, first + MaxEntries);
        var entries = new List<NavEntryView>(MaxEntries + 2);
        if (first > 0) entries.Add(More(nodes, 0, first, root));
        for (var i = first; i < last; i++)
        {
            var node = nodes[i];
            var open = node == onPath && node.Children.Count > 0;
            var children = open ? Level(node.Children, depth + 1, path, root) : NavListView.Empty;
            entries.Add(Entry(node, root, current: node == onPath && depth == path.Count - 1, open, children));
        }
        if (last < nodes.Count) entries.Add(More(nodes, last, nodes.Count, root));
        return new NavListView(entries);
    }

    private static int IndexOf(IReadOnlyList<NavNode> nodes, NavNode node)
    {
        for (var i = 0; i < nodes.Count; i++) if (nodes[i] == node) return i;
        return -1;
    }

    private NavEntryView Entry(NavNode node, string root, bool current, bool open, NavListView children) => new(
        node.Title,
        root + (node.FirstPage?.OutputPath ?? ""),
        AnchorOf(node),
        node.Page is null ? "folder" : "page",
        current,
        _failing.Contains(node),
        _failingBelow.GetValueOrDefault(node),
        CountPages(node),
        open,
        children);

    /// <summary>The entries a level's window leaves out, as one link: to their place on the contents page, else to the first of them.</summary>
    private NavEntryView More(IReadOnlyList<NavNode> nodes, int from, int to, string root)
    {
        var failing = 0;
        for (var i = from; i < to; i++) failing += (_failing.Contains(nodes[i]) ? 1 : 0) + _failingBelow.GetValueOrDefault(nodes[i]);
        var url = _hasContents ? root + ContentsPage + "#" + AnchorOf(nodes[from]) : root + (nodes[from].FirstPage?.OutputPath ?? "");
        return new NavEntryView($"{to - from} more", url, "", "more", false, false, failing, to - from, false, NavListView.Empty);
    }

    /// <summary>The id an entry has on the contents page.</summary>
    private static string AnchorOf(NavNode node) =>
        "nav-" + string.Concat(node.Key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static int CountPages(NavNode node) => (node.Page is null ? 0 : 1) + node.Children.Sum(CountPages);

    /// <summary>Marks the nodes holding a failing scenario; returns how many pages at or below <paramref name="node"/> fail.</summary>
    private int CountFailing(NavNode node, VerifiedScenarios verified)
    {
        var below = node.Children.Sum(c => CountFailing(c, verified));
        if (below > 0) _failingBelow[node] = below;
        if (node.Page is { } page && page.Document.Descendants<ScenarioBlock>().Any(b => verified.For(b) is { AllHold: false }))
        {
            _failing.Add(node);
            return below + 1;
        }
        return below;
    }
}
