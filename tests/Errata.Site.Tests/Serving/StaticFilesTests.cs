using Errata.Site.Serving;

namespace Errata.Site.Tests.Serving;

public sealed class StaticFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("errata-static-").FullName;

    public StaticFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "site", "guide"));
        File.WriteAllText(Path.Combine(_root, "site", "index.html"), "i");
        File.WriteAllText(Path.Combine(_root, "site", "guide", "index.html"), "g");
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "s");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/guide/", "guide/index.html")]
    [InlineData("/guide", "guide/index.html")]
    public void Resolve_FindsIndexPages(string request, string expected) =>
        Assert.Equal(Path.Combine(_root, "site", expected), StaticFiles.Resolve(Path.Combine(_root, "site"), request));

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/guide/../../secret.txt")]
    [InlineData("/missing.html")]
    public void Resolve_NeverLeavesTheOutputFolder(string request) =>
        Assert.Null(StaticFiles.Resolve(Path.Combine(_root, "site"), request));
}
