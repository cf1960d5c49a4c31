using Errata.Documents.Syntax;
using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

public sealed class SiteNavigationTests
{
    /// <summary>A page at a source path, with a toctree naming the entries when any are given.</summary>
    internal static Page PageAt(string relative, params string[] toctree)
    {
        var doc = new Document(relative);
        if (toctree.Length > 0)
        {
            var toc = new TocTree();
            toc.Entries.AddRange(toctree);
            doc.Children.Add(toc);
        }
        return new Page(doc, relative);
    }

    private static string[] Order(params Page[] folderOrder) =>
        SiteNavigation.Order(folderOrder).Select(p => p.RelativePath).ToArray();

    [Fact]
    public void WithoutToctrees_KeepsTheFolderOrder()
    {
        Assert.Equal(["index.md", "a.md", "b/c.md"], Order(PageAt("index.md"), PageAt("a.md"), PageAt("b/c.md")));
    }

    [Fact]
    public void Toctree_OrdersPagesDepthFirst_AndUnlistedPagesFollowInFolderOrder()
    {
        var pages = Order(
            PageAt("index.rst", "guide/index", "errata"),
            PageAt("errata.rst"),
            PageAt("unlisted.md"),
            PageAt("guide/index.rst", "second", "../errata", "/guide/first"),
            PageAt("guide/first.rst"),
            PageAt("guide/second.rst"));
        Assert.Equal(["index.rst", "guide/index.rst", "guide/second.rst", "errata.rst", "guide/first.rst", "unlisted.md"], pages);
    }

    [Fact]
    public void ToctreeEntry_WithItsExtension_OrWithoutAPage_IsHarmless()
    {
        Assert.Equal(["index.rst", "b.rst", "a.rst"], Order(PageAt("index.rst", "b.rst", "missing", "index"), PageAt("a.rst"), PageAt("b.rst")));
    }
}
