using Errata.Site.Building;
using Errata.Site.Output;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Output;

/// <summary>An existing output folder is replaced only when a build wrote it: it holds the marker.</summary>
public sealed class OutputOwnershipTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public OutputOwnershipTests() => _site.Doc("index.md", "# Home\n");

    public void Dispose() => _site.Dispose();

    private BuildResult Build(string? output = null, bool write = true) =>
        SiteBuilder.Build(new BuildOptions(_site.ConfigPath, Output: output, WriteSite: write));

    private static void AssertBuilt(BuildResult result) =>
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));

    [Fact]
    public void AFolderOfTheUsers_OutsideTheSite_IsRefused_NamingWhatWouldBeLost()
    {
        var precious = _site.Root + "-precious";
        Directory.CreateDirectory(Path.Combine(precious, "photos"));
        File.WriteAllText(Path.Combine(precious, "thesis.tex"), "years of work");
        File.WriteAllText(Path.Combine(precious, "photos", "a.jpg"), "a");
        File.WriteAllText(Path.Combine(precious, "photos", "b.jpg"), "b");
        _site.Config($"{{ \"output\": \"../{Path.GetFileName(precious)}\" }}");
        try
        {
            var result = Build();

            Assert.Equal(ExitCode.BadInput, result.ExitCode);
            var e = Assert.Single(result.Diagnostics);
            Assert.Equal(("ERR0711", 0, 12), (e.Id, e.Span.Line, e.Span.Column));
            Assert.Contains($"output '../{Path.GetFileName(precious)}' is not empty", e.Message, StringComparison.Ordinal);
            Assert.Contains("its 4 file(s) and folder(s), among them 'photos', 'photos/a.jpg', 'photos/b.jpg', ...", e.Message, StringComparison.Ordinal);
            Assert.Equal("years of work", File.ReadAllText(Path.Combine(precious, "thesis.tex")));
            Assert.Equal("b", File.ReadAllText(Path.Combine(precious, "photos", "b.jpg")));
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(precious)!, $".{Path.GetFileName(precious)}*"));
        }
        finally
        {
            Directory.Delete(precious, recursive: true);
        }
    }

    [Fact]
    public void AFolderWithHiddenFilesOnly_IsStillRefused()
    {
        Directory.CreateDirectory(Path.Combine(_site.Output, ".git"));
        File.WriteAllText(Path.Combine(_site.Output, ".git", "HEAD"), "ref: refs/heads/main\n");

        var result = Build();

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Equal("ERR0711", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("ref: refs/heads/main\n", File.ReadAllText(Path.Combine(_site.Output, ".git", "HEAD")));
    }

    [Fact]
    public void FromTheCommandLine_TheMessageNamesTheOption()
    {
        var mine = Path.Combine(_site.Root, "mine");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "keep.txt"), "kept");

        var result = Build(output: mine);

        var e = Assert.Single(result.Diagnostics);
        Assert.Equal("ERR0711", e.Id);
        Assert.StartsWith($"--output '{mine}' is not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(mine, "keep.txt")));
    }

    [Fact]
    public void AnOutputThatIsAFile_IsRefused()
    {
        File.WriteAllText(_site.Output, "a file");
        var result = Build();
        Assert.Equal("ERR0712", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("a file", File.ReadAllText(_site.Output));
    }

    [Fact]
    public void Check_DoesNotWrite_SoItDoesNotMindTheFolder()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Path.Combine(_site.Output, "keep.txt"), "kept");
        AssertBuilt(Build(write: false));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(_site.Output).Select(Path.GetFileName));
    }

    [Fact]
    public void AnEmptyFolder_IsUsed_AndMarked()
    {
        Directory.CreateDirectory(_site.Output);
        AssertBuilt(Build());
        Assert.True(File.Exists(Path.Combine(_site.Output, "index.html")));
        Assert.True(OutputMarker.IsIn(_site.Output));
    }

    [Fact]
    public void ASecondBuild_ReplacesTheFirst_AndKeepsWhatIsBeside()
    {
        File.WriteAllText(Path.Combine(_site.Root, "notes.txt"), "mine");
        _site.Doc("old.md", "# Old\n");
        AssertBuilt(Build());
        Assert.True(File.Exists(Path.Combine(_site.Output, "old.html")));

        File.Delete(Path.Combine(_site.Root, "docs", "old.md"));
        AssertBuilt(Build());

        Assert.False(File.Exists(Path.Combine(_site.Output, "old.html")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "index.html")));
        Assert.True(OutputMarker.IsIn(_site.Output));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site.Root, "notes.txt")));
        Assert.Empty(Directory.EnumerateDirectories(_site.Root, "._site.tmp-*"));
    }

    [Fact]
    public void AMarkerWithoutTheSignature_DoesNotCount()
    {
        Directory.CreateDirectory(_site.Output);
        File.WriteAllText(Path.Combine(_site.Output, OutputMarker.FileName), "something else\n");
        File.WriteAllText(Path.Combine(_site.Output, "keep.txt"), "kept");
        Assert.Equal("ERR0711", Assert.Single(Build().Diagnostics).Id);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(_site.Output, "keep.txt")));
    }
}
