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

    [Fact]
    public void TheChangedPage_IsPublishedFirst_AndTheSiteWideFilesAfter()
    {
        var snapshot = FirstBuild();
        _site.Doc("ch/p0.md", ScaleSite.Page(0, failing: false, extra: " Edited while serving."));
        var published = new List<(List<string> Files, string Page, string SearchIndex)>();

        var result = SiteUpdate.Rebuild(snapshot, [PathOf("ch/p0.md")],
            files => published.Add(([.. files.Order(StringComparer.Ordinal)], _site.Page("ch/p0.html"), _site.Page("search-index.json"))));

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.Equal(2, published.Count);
        // The page is in place before the search index knows of the edit...
        Assert.Equal(["ch/p0.html"], published[0].Files);
        Assert.Contains("Edited while serving.", published[0].Page, StringComparison.Ordinal);
        Assert.DoesNotContain("Edited while serving.", published[0].SearchIndex, StringComparison.Ordinal);
        // ...which follows with the other files that show every page.
        Assert.Equal(["scenarios.html", "search-index.json", "verdicts.json"], published[1].Files);
        Assert.Contains("Edited while serving.", published[1].SearchIndex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("a claim that fails")]
    [InlineData("a title others link to")]
    public void AfterARebuild_EveryFile_EqualsWhatAFullBuildWrites(string edit)
    {
        LinkedTarget();
        var snapshot = FirstBuild();
        var (file, text) = edit switch
        {
            "text" => ("ch/p0.md", ScaleSite.Page(0, failing: false, extra: " Edited while serving.")),
            "a claim that fails" => ("ch/p2.md", ScaleSite.Page(2, failing: true)),
            _ => ("ch/target.rst", RenamedTarget),
        };
        _site.Doc(file, text);

        var result = SiteUpdate.Rebuild(snapshot, [PathOf(file)]);

        Assert.NotNull(result.OutputFolder);
        AssertAsAFullBuildWrites(result, $"after editing {edit}");
        if (edit == "a title others link to") Assert.Contains("Renamed target", _site.Page("ch/links.html"), StringComparison.Ordinal);
    }

    /// <summary>Builds the site afresh into another folder: the served output must hold the same files, byte for byte, and the same diagnostics.</summary>
    private void AssertAsAFullBuildWrites(BuildResult result, string when)
    {
        var full = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, Output: "_full"));
        Assert.Equal(full.ExitCode, result.ExitCode);
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal), result.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        var expected = Path.Combine(_site.Root, "_full");
        var files = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(_site.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_site.Output, f)).Order(StringComparer.Ordinal));
        foreach (var f in files)
            Assert.True(File.ReadAllText(Path.Combine(expected, f)) == File.ReadAllText(Path.Combine(_site.Output, f)), $"{f} differs from a full build's {when}");
    }

    private void LinkedTarget()
    {
        _site.Doc("ch/target.rst", ".. _target-label:\n\nTarget page\n===========\n\nText.\n");
        _site.Doc("ch/links.rst", "Links\n=====\n\nSee :doc:`target` and :ref:`target-label`.\n");
    }

    private const string RenamedTarget = ".. _target-label:\n\nRenamed target\n==============\n\nText.\n";

    [Fact]
    public void ARebuildSuperseded_PublishesItsPage_AndTheNextOneWritesWhatItOwed()
    {
        LinkedTarget();
        var snapshot = FirstBuild();
        _site.Doc("ch/target.rst", RenamedTarget);
        var published = new List<IReadOnlyCollection<string>>();
        var ledger = File.ReadAllText(Path.Combine(_site.Root, "verified.json"));

        var superseded = SiteUpdate.Rebuild(snapshot, [PathOf("ch/target.rst")], published.Add, new CancellationToken(canceled: true));

        Assert.Equal(ExitCode.Ok, superseded.ExitCode);
        Assert.Equal(["ch/target.html"], Assert.Single(published));
        Assert.Contains("Renamed target", _site.Page("ch/target.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed target", _site.Page("ch/links.html"), StringComparison.Ordinal);
        Assert.NotNull(superseded.Snapshot!.Owed);
        // The ledger keeps what the whole site shows: a rebuild that rendered one page leaves it.
        Assert.Equal(ledger, File.ReadAllText(Path.Combine(_site.Root, "verified.json")));

        _site.Doc("ch/p0.md", ScaleSite.Page(0, failing: false, extra: " Saved next."));
        var next = SiteUpdate.Rebuild(superseded.Snapshot, [PathOf("ch/p0.md")]);

        Assert.Null(next.Snapshot!.Owed);
        Assert.Contains("Renamed target", _site.Page("ch/links.html"), StringComparison.Ordinal);
        AssertAsAFullBuildWrites(next, "after a superseded rebuild and the next");
    }

    [Fact]
    public void WhatASupersededRebuildOwed_IsSettled_WhenTheNextSaveCannotBeBuilt()
    {
        LinkedTarget();
        var snapshot = FirstBuild();
        _site.Doc("ch/target.rst", RenamedTarget);
        var superseded = SiteUpdate.Rebuild(snapshot, [PathOf("ch/target.rst")], superseded: new CancellationToken(canceled: true)).Snapshot!;
        _site.Doc("ch/p0.md", "# Page 0\n\n```scenario page-0\ncode:\n        frobnicate\n```\n");
        Assert.Equal(ExitCode.BadInput, SiteUpdate.Rebuild(superseded, [PathOf("ch/p0.md")]).ExitCode);

        var settled = SiteUpdate.Settle(superseded);

        Assert.NotNull(settled);
        Assert.Null(settled.Snapshot!.Owed);
        Assert.Contains("Renamed target", _site.Page("ch/links.html"), StringComparison.Ordinal);
        // p0's page is rendered from its last good document, its sidebar naming the new title.
        Assert.Contains("Renamed target", _site.Page("ch/p0.html"), StringComparison.Ordinal);
        Assert.Contains("loads 0 into RAX", _site.Page("ch/p0.html"), StringComparison.Ordinal);
        Assert.DoesNotContain("frobnicate", _site.Page("ch/p0.html"), StringComparison.Ordinal);
        Assert.Null(SiteUpdate.Settle(settled.Snapshot));
    }
}
