using Errata.Documents;

namespace Errata.Documents.Tests.Paths;

/// <summary>realpath semantics on real links in a temporary folder (Linux).</summary>
public sealed class RealPathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("errata-realpath-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string At(string relative) => Path.Combine(_root, relative);

    [Fact]
    public void PlainPath_IsItself()
    {
        Directory.CreateDirectory(At("a/b"));
        Assert.Equal(At("a/b"), RealPath.Resolve(At("a/./b")));
    }

    [Fact]
    public void DotDot_AfterALink_LeavesTheLinksTarget_NotTheLinksFolder()
    {
        Directory.CreateDirectory(At("a"));
        Directory.CreateDirectory(At("b/c"));
        Directory.CreateSymbolicLink(At("a/link"), At("b/c"));
        // Lexically a/link/.. is a; really it is b, the parent of the link's target.
        Assert.Equal(At("b"), RealPath.Resolve(At("a/link/..")));
    }

    [Fact]
    public void RelativeLinks_AreReadFromTheLinksFolder_AndChained()
    {
        Directory.CreateDirectory(At("x/y"));
        File.WriteAllText(At("x/y/f.txt"), "f");
        Directory.CreateSymbolicLink(At("up"), "x");
        File.CreateSymbolicLink(At("x/alias.txt"), "y/f.txt");
        File.CreateSymbolicLink(At("chain.txt"), "up/alias.txt");
        Assert.Equal(At("x/y/f.txt"), RealPath.Resolve(At("chain.txt")));
    }

    [Fact]
    public void LoopOfLinks_IsNull()
    {
        File.CreateSymbolicLink(At("one"), "two");
        File.CreateSymbolicLink(At("two"), "one");
        Assert.Null(RealPath.Resolve(At("one/more")));
    }

    [Fact]
    public void MissingParts_AreKeptAsWritten()
    {
        Directory.CreateDirectory(At("b"));
        Directory.CreateSymbolicLink(At("l"), At("b"));
        Assert.Equal(At("b/new/file.md"), RealPath.Resolve(At("l/new/file.md")));
    }

    [Theory]
    [InlineData("/r", "/r", true)]
    [InlineData("/r", "/r/a", true)]
    [InlineData("/r/", "/r/a/b", true)]
    [InlineData("/r", "/ra", false)]
    [InlineData("/r", "/", false)]
    [InlineData("/r/a", "/r", false)]
    public void IsInside_ComparesWholeParts(string root, string path, bool inside) =>
        Assert.Equal(inside, RealPath.IsInside(root, path));
}
