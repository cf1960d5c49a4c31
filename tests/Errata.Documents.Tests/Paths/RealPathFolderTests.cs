using Errata.Documents;

namespace Errata.Documents.Tests.Paths;

public sealed class RealPathFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("errata-realpath-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string At(params string[] parts) => Path.Combine([_root, .. parts]);

    [Fact]
    public void WithoutLinks_ThePathIsItsFullForm()
    {
        Directory.CreateDirectory(At("a", "b"));
        Assert.Equal(At("a", "b"), RealPath.Of(At("a", ".", "c", "..", "b")));
        Assert.Equal(At("a", "new", "deeper"), RealPath.Of(At("a", "new", "deeper")));
    }

    [Fact]
    public void LinksAlongThePath_AreFollowed_RelativeAndAbsolute()
    {
        Directory.CreateDirectory(At("real", "inner"));
        Directory.CreateSymbolicLink(At("rel"), "real");
        Directory.CreateSymbolicLink(At("abs"), At("real"));
        Directory.CreateSymbolicLink(At("real", "up"), "..");
        Assert.Equal(At("real", "inner"), RealPath.Of(At("rel", "inner")));
        Assert.Equal(At("real", "inner"), RealPath.Of(At("abs", "inner")));
        Assert.Equal(At("real", "not-yet"), RealPath.Of(At("rel", "not-yet")));
        Assert.Equal(At("real"), RealPath.Of(At("rel", "up", "real")));
    }

    [Fact]
    public void DotDotInALinkTarget_LeavesTheLinksTarget_NotTheLink()
    {
        // A link whose target climbs out of another link: POSIX climbs from where that link points.
        Directory.CreateDirectory(At("x", "deep", "sub"));
        Directory.CreateSymbolicLink(At("d"), At("x", "deep", "sub"));
        Directory.CreateSymbolicLink(At("climb"), "d/..");
        Assert.Equal(At("x", "deep"), RealPath.Of(At("climb")));
    }

    [Fact]
    public void ALoopOfLinks_Ends()
    {
        Directory.CreateSymbolicLink(At("p"), "q");
        Directory.CreateSymbolicLink(At("q"), "p");
        Assert.StartsWith(_root, RealPath.Of(At("p", "child")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/site/docs", "/site/docs", true)]
    [InlineData("/site/docs/out", "/site/docs", true)]
    [InlineData("/site/docs", "/site/docs/", true)]
    [InlineData("/site/docs2", "/site/docs", false)]
    [InlineData("/site", "/site/docs", false)]
    [InlineData("/other/docs", "/site/docs", false)]
    [InlineData("/site/..docs", "/site", true)]
    public void IsSameOrInside_ComparesWholeFolderNames(string inner, string outer, bool expected) =>
        Assert.Equal(expected, RealPath.IsInside(outer, inner));
}
