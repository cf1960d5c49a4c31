using Errata.Documents.Syntax;
using Errata.Site.Building;
using Errata.Site.Rendering;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;
using Errata.Testing;

namespace Errata.Site.Tests.Rendering;

public sealed class SidebarTests
{
    private static IEnumerable<NavEntryView> All(NavListView list) => list.Entries.SelectMany(e => All(e.Children).Prepend(e));

    private static NavigationTree Flat(int chapters, int perChapter) => NavigationTree.Build(
    [
        new Page(new Document("index.md"), "index.md"),
        .. Enumerable.Range(0, chapters * perChapter).Select(i => new Page(new Document($"c{i / perChapter}/p{i:D4}.md"), $"c{i / perChapter}/p{i:D4}.md")),
    ]);

    [Theory]
    [InlineData(10, 100)]
    [InlineData(1, 1000)]
    [InlineData(1000, 1)]
    public void APagesSidebar_HoldsItsBranch_NotEveryPage(int chapters, int perChapter)
    {
        var tree = Flat(chapters, perChapter);
        var sidebar = new SidebarBuilder(tree, VerifiedScenarios.None, hasContents: true);
        foreach (var page in new[] { tree.Pages[1], tree.Pages[tree.Pages.Count / 2], tree.Pages[^1] })
        {
            var entries = All(sidebar.For(page, "../")).ToList();
            // At most a window of each of the two levels, and a "more" link on each side of each.
            Assert.InRange(entries.Count, 2, 2 * (SidebarBuilder.MaxEntries + 2));
            var current = Assert.Single(entries, e => e.Current);
            Assert.Equal("../" + page.OutputPath, current.Url);
            // The entries left out are counted, and the contents page shows each of them.
            var shown = entries.Where(e => e.Kind != "more").Sum(e => e.Kind == "page" ? 1 : 0) + entries.Where(e => e.Kind == "more" || (e.Kind == "folder" && !e.Open)).Sum(e => e.Pages);
            Assert.Equal(tree.Pages.Count, shown);
            Assert.All(entries.Where(e => e.Kind == "more"), e => Assert.StartsWith("../contents.html#nav-", e.Url, StringComparison.Ordinal));
        }
        var contents = All(sidebar.Whole("")).ToList();
        Assert.Equal(tree.Pages.Count, contents.Count(e => e.Kind == "page"));
        Assert.Equal(contents.Count, contents.Select(e => e.Anchor).Distinct().Count());
    }

    [Fact]
    public void APageWithAFailingScenario_IsMarked_AndSoIsTheClosedFolderAboveIt()
    {
        using var site = new SiteFixture();
        site.Config("""{ "defaultProfiles": ["apm"] }""");
        site.Doc("index.md", "# Home\n");
        site.Doc("a/ok.md", ScaleSite.Page(1, failing: false));
        site.Doc("b/bad.md", ScaleSite.Page(2, failing: true));
        site.Doc("b/fine.md", ScaleSite.Page(3, failing: false));
        var result = SiteBuilder.Build(new BuildOptions(site.ConfigPath));
        Assert.Equal(ExitCode.ClaimsFailed, result.ExitCode);

        // In its own folder, open: the failing page itself is marked, in words.
        var bad = site.Page("b/bad.html");
        Assert.Contains("""<a href="../b/bad.html" aria-current="page">Page 2 <span class="nav-failing"><span aria-hidden="true">✗</span> (fails)</span></a>""", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 3 <span class=\"nav-failing\"", bad, StringComparison.Ordinal);
        // From another folder the failing folder is closed: it says how many of its pages fail.
        var ok = site.Page("a/ok.html");
        Assert.Contains("""<a href="../b/bad.html">b <span class="nav-failing"><span aria-hidden="true">✗</span> (1 failing)</span></a>""", ok, StringComparison.Ordinal);
        Assert.DoesNotContain(">a <span class=\"nav-failing\"", ok, StringComparison.Ordinal);
        Assert.Contains("1 holds a failing scenario", site.Page("contents.html"), StringComparison.Ordinal);
    }
}
