using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>A build reads documents by their real paths: a document linked from outside the source folder does not get in.</summary>
public sealed class SourceContainmentTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private BuildResult Build() => SiteBuilder.Build(new BuildOptions(_site.ConfigPath));

    [Fact]
    public void DocumentLinkedFromOutside_FailsTheBuild_AndKeepsThePreviousSite()
    {
        _site.Doc("index.md", "# Good\n");
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        File.WriteAllText(Path.Combine(_site.Output, "marker.txt"), "previous");

        File.WriteAllText(Path.Combine(_site.Root, "private.md"), "# Private\n");
        File.CreateSymbolicLink(Path.Combine(_site.Root, "docs", "leak.md"), Path.Combine(_site.Root, "private.md"));
        var result = Build();

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Equal("ERR0110", Assert.Single(result.Diagnostics, d => d.IsError).Id);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(_site.Output, "marker.txt")));
    }
}
