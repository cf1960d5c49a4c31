using Errata.Documents.Syntax;
using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

public sealed class NavigationTreeTests
{
    private static Page PageAt(string relative, params string[] toctree) => SiteNavigationTests.PageAt(relative, toctree);

    /// <summary>The tree as text: each node's key, its children in brackets.</summary>
    private static string Shape(IEnumerable<NavNode> nodes) =>
        string.Join(" ", nodes.Select(n => n.Children.Count == 0 ? n.Key : $"{n.Key}[{Shape(n.Children)}]"));

    [Fact]
    public void WithoutToctrees_PagesSitUnderTheirFolder_AndAFolderWithoutIndexIsANode()
    {
        var tree = NavigationTree.Build([PageAt("index.md"), PageAt("a.md"), PageAt("b/index.md"), PageAt("c/x.md"), PageAt("b/y.md"), PageAt("c/d/z.md")]);
        Assert.Equal("index.md a.md b/index.md[b/y.md] c/[c/x.md c/d/[c/d/z.md]]", Shape(tree.Top));
        Assert.Equal(["index.md", "a.md", "b/index.md", "b/y.md", "c/x.md", "c/d/z.md"], tree.Pages.Select(p => p.RelativePath));
    }

    [Fact]
    public void ToctreeChildren_SitUnderThePageNamingThem_BeforeTheFolderItsOtherPages()
    {
        var tree = NavigationTree.Build([
            PageAt("index.rst", "guide/index"),
            PageAt("guide/index.rst", "second"),
            PageAt("guide/first.rst"),
            PageAt("guide/second.rst")]);
        Assert.Equal("index.rst guide/index.rst[guide/second.rst guide/first.rst]", Shape(tree.Top));
    }

    [Fact]
    public void AFolderIndex_ThatAPageOfItsFolderNames_StillHoldsThatPage()
    {
        // The index is read first (folder order), so x.md's toctree entry for it is already placed: no cycle.
        var tree = NavigationTree.Build([PageAt("index.md"), PageAt("f/index.md"), PageAt("f/x.md", "index")]);
        Assert.Equal("index.md f/index.md[f/x.md]", Shape(tree.Top));
    }

    [Fact]
    public void PathTo_LeadsFromTheTopLevelDownToThePage()
    {
        var tree = NavigationTree.Build([PageAt("index.md"), PageAt("a/b/c.md")]);
        var page = tree.Pages.Single(p => p.RelativePath == "a/b/c.md");
        Assert.Equal(["a/", "a/b/", "a/b/c.md"], tree.PathTo(tree.NodeOf(page)).Select(n => n.Key));
        Assert.Equal("a/b/c.md", tree.Top[1].FirstPage!.RelativePath);
    }
}
