using Errata.Diagnostics;
using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>Walking the source folder with real links (Linux): no loops, nothing outside, each real file once.</summary>
public sealed class SourceSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-sources-").FullName;
    private readonly DiagnosticBag _bag = new();

    public SourceSetTests()
    {
        Directory.CreateDirectory(Docs("sub"));
        File.WriteAllText(Docs("index.md"), "# Index\n");
        File.WriteAllText(Docs("sub/page.md"), "# Page\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Docs(string relative) => Path.Combine(_dir, "docs", relative);

    private List<string> Walk() =>
        SourceSet.Walk(Path.Combine(_dir, "docs"), SitePipeline.Create(), _bag).Select(f => f.Relative).ToList();

    [Fact]
    public void LinkToAnAncestor_IsNotFollowedIntoNestedCopies()
    {
        Directory.CreateSymbolicLink(Docs("sub/loop"), "..");
        Assert.Equal(["index.md", "sub/page.md"], Walk());
        Assert.Empty(_bag.Items);
    }

    [Fact]
    public void TwoLoopingLinks_AreWalkedOnce()
    {
        Directory.CreateSymbolicLink(Docs("sub/loop"), "..");
        Directory.CreateSymbolicLink(Docs("sub/self"), ".");
        Directory.CreateSymbolicLink(Docs("back"), "sub/loop");
        Assert.Equal(["index.md", "sub/page.md"], Walk());
        Assert.Empty(_bag.Items);
    }

    [Fact]
    public void FolderLinkOutsideTheRoot_IsNotRead_AndIsNamed()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "outside"));
        File.WriteAllText(Path.Combine(_dir, "outside", "secret.md"), "# Secret\n");
        Directory.CreateSymbolicLink(Docs("etc"), Path.Combine(_dir, "outside"));
        Assert.Equal(["index.md", "sub/page.md"], Walk());
        var w = Assert.Single(_bag.Items);
        Assert.Equal("ERR0111", w.Id);
        Assert.EndsWith("docs/etc", w.Span.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentLinkOutsideTheRoot_IsAnError_AtTheDocument()
    {
        File.WriteAllText(Path.Combine(_dir, "secret.md"), "# Secret\n");
        File.CreateSymbolicLink(Docs("sub/leak.md"), Path.Combine(_dir, "secret.md"));
        Assert.Equal(["index.md", "sub/page.md"], Walk());
        var e = Assert.Single(_bag.Items);
        Assert.Equal("ERR0110", e.Id);
        Assert.True(e.IsError);
        Assert.EndsWith("docs/sub/leak.md", e.Span.Path, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir, "secret.md"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksInsideTheRoot_ReadEachRealFileOnce_NamedByItsRealPlace()
    {
        File.CreateSymbolicLink(Docs("a-alias.md"), "sub/page.md");
        Directory.CreateSymbolicLink(Docs("a-sub"), "sub");
        Assert.Equal(["index.md", "sub/page.md"], Walk());
        Assert.Empty(_bag.Items);
    }

    [Fact]
    public void LinkToAFolderNotOtherwiseWalked_IsRead()
    {
        Directory.CreateDirectory(Docs("_drafts"));
        File.WriteAllText(Docs("_drafts/draft.md"), "# Draft\n");
        Directory.CreateSymbolicLink(Docs("published"), "_drafts");
        Assert.Equal(["index.md", "published/draft.md", "sub/page.md"], Walk());
    }

    [Fact]
    public void DocumentLinkLoop_IsNamed()
    {
        File.CreateSymbolicLink(Docs("l1.md"), "l2.md");
        File.CreateSymbolicLink(Docs("l2.md"), "l1.md");
        Assert.Equal(["index.md", "sub/page.md"], Walk());
        Assert.Equal(["ERR0112", "ERR0112"], _bag.Items.Select(d => d.Id));
    }
}
