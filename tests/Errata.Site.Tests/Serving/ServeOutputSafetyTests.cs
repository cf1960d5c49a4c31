using Errata.Site.Building;
using Errata.Site.Serving;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Serving;

/// <summary>`errata serve` builds through the same guard: a refused output is reported and nothing is written or deleted.</summary>
public sealed class ServeOutputSafetyTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Serve_OverTheSiteFolder_ReportsTheRefusal_AndDeletesNothing()
    {
        _site.Doc("index.md", "# Home\n");
        File.WriteAllText(Path.Combine(_site.Root, "notes.txt"), "mine");
        _site.Config("{ \"output\": \".\" }");
        var log = new StringWriter();
        using var server = new DevServer(new BuildOptions(_site.ConfigPath), port: 1, log);

        await server.RebuildAsync();

        Assert.Contains("site.config.json(1,13): error ERR0710: output '.' is the folder of site.config.json", log.ToString(), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site.Root, "notes.txt")));
        Assert.Equal("# Home\n", File.ReadAllText(Path.Combine(_site.Root, "docs", "index.md")));
        Assert.False(File.Exists(Path.Combine(_site.Root, "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(_site.Root, ".*"));
    }
}
