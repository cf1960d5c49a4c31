using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>`serve`'s rebuild after a save: only what the changed documents change is read, verified and written.</summary>
public sealed class SiteUpdateTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public SiteUpdateTests()
    {
        _site.Config("""{ "defaultProfiles": ["apm", "kvm"] }""");
        _site.Doc("index.md", "# Home\n");
        for (var i = 0; i < 3; i++) _site.Doc($"ch/p{i}.md", ScaleSite.Page(i, failing: false));
    }

    public void Dispose() => _site.Dispose();

    private string PathOf(string relative) => Path.Combine(_site.Root, "docs", relative);

    private SiteSnapshot FirstBuild()
    {
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        return result.Snapshot!;
    }

    [Fact]
    public void ABodyEdit_RendersThatPageAlone_AndVerifiesItsScenarioAgain()
    {
        var snapshot = FirstBuild();
        File.Delete(Path.Combine(_site.Output, "ch", "p1.html"));
        _site.Doc("ch/p0.md", ScaleSite.Page(0, failing: false, extra: " Edited while serving."));

        var result = SiteUpdate.Rebuild(snapshot, [PathOf("ch/p0.md")]);

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(1, result.Rendered);
        Assert.Contains("Edited while serving.", _site.Page("ch/p0.html"), StringComparison.Ordinal);
        // The other pages were not written again (p1.html stays deleted), the site-wide files were.
        Assert.False(File.Exists(Path.Combine(_site.Output, "ch", "p1.html")));
        Assert.Contains("Edited while serving.", _site.Page("search-index.json"), StringComparison.Ordinal);
        Assert.Equal(6, result.Scenarios.Sum(s => s.Runs.Count));
    }

    [Fact]
    public void AClaimThatNowFails_IsReported_AndEveryPageShowsTheMark()
    {
        var snapshot = FirstBuild();
        _site.Doc("ch/p2.md", ScaleSite.Page(2, failing: true));

        var result = SiteUpdate.Rebuild(snapshot, [PathOf("ch/p2.md")]);

        Assert.Equal(ExitCode.ClaimsFailed, result.ExitCode);
        Assert.Equal(4, result.Rendered);
        Assert.Contains("(fails)</span>", _site.Page("ch/p0.html"), StringComparison.Ordinal);
        Assert.Contains("ch/p2.md", string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void ANewTitle_RendersEveryPage_WhoseSidebarShowsIt()
    {
        var snapshot = FirstBuild();
        _site.Doc("ch/p1.md", ScaleSite.Page(1, failing: false).Replace("# Page 1", "# Renamed page", StringComparison.Ordinal));

        var result = SiteUpdate.Rebuild(snapshot, [PathOf("ch/p1.md")]);

        Assert.Equal(4, result.Rendered);
        Assert.Contains("Renamed page", _site.Page("ch/p0.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ANewDocument_OrAnotherFile_IsAFullBuild()
    {
        var snapshot = FirstBuild();
        _site.Doc("ch/p9.md", ScaleSite.Page(9, failing: false));
        var result = SiteUpdate.Rebuild(snapshot, [PathOf("ch/p9.md")]);
        Assert.Null(result.Rendered);
        Assert.Contains("Page 9", _site.Page("ch/p0.html"), StringComparison.Ordinal);

        var again = SiteUpdate.Rebuild(result.Snapshot!, [_site.ConfigPath]);
        Assert.Null(again.Rendered);
        Assert.Equal(ExitCode.Ok, again.ExitCode);
    }

    [Fact]
    public void BadInput_InTheChangedDocument_StopsAndLeavesTheSite()
    {
        var snapshot = FirstBuild();
        var before = _site.Page("ch/p0.html");
        _site.Doc("ch/p0.md", "# Page 0\n\n```scenario page-0\ncode:\n        frobnicate\n```\n");

        var result = SiteUpdate.Rebuild(snapshot, [PathOf("ch/p0.md")]);

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Null(result.OutputFolder);
        Assert.Equal(before, _site.Page("ch/p0.html"));
    }
}
