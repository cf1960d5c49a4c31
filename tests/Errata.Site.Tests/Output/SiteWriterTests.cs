using Errata.Site.Output;

namespace Errata.Site.Tests.Output;

public sealed class SiteWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("errata-writer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Commit_ReplacesTheOutputWhole()
    {
        var output = Path.Combine(_root, "site");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "stale.html"), "old");
        using (var w = new SiteWriter(output))
        {
            w.WriteText("a/b.html", "new");
            w.Commit();
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "a", "b.html")));
        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void WithoutCommit_TheOutputIsUntouched_AndStagingIsRemoved()
    {
        var output = Path.Combine(_root, "site");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.html"), "old");
        using (var w = new SiteWriter(output)) w.WriteText("x.html", "new");
        Assert.Equal("old", File.ReadAllText(Path.Combine(output, "keep.html")));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void TheMarkerIsWrittenFirst_AndEndsUpInTheOutput()
    {
        var output = Path.Combine(_root, "site");
        using (var w = new SiteWriter(output))
        {
            Assert.Equal([OutputMarker.FileName], Directory.GetFileSystemEntries(w.Staging).Select(Path.GetFileName));
            Assert.True(OutputMarker.IsIn(w.Staging));
            w.WriteText("index.html", "new");
            w.Commit();
        }
        Assert.True(OutputMarker.IsIn(output));
    }

    [Fact]
    public void Commit_OverAnEmptyFolder_LeavesNothingBeside()
    {
        var output = Path.Combine(_root, "site");
        Directory.CreateDirectory(output);
        using (var w = new SiteWriter(output))
        {
            w.WriteText("index.html", "new");
            w.Commit();
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_OverALinkedOutput_ReplacesTheLink_NotWhatItPointsTo()
    {
        var elsewhere = Path.Combine(_root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        OutputMarker.Write(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "old.html"), "old");
        var output = Path.Combine(_root, "site");
        Directory.CreateSymbolicLink(output, elsewhere);
        using (var w = new SiteWriter(output))
        {
            w.WriteText("index.html", "new");
            w.Commit();
        }
        Assert.Null(new DirectoryInfo(output).LinkTarget);
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(elsewhere, "old.html")));
    }
}
