using Errata.Site.Building;
using Errata.Site.Output;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Output;

/// <summary>
/// A build refuses an output folder that would replace the user's own folders, before
/// anything is written or deleted: exit 2, located at the output key, every file kept.
/// </summary>
public sealed class OutputPlaceTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public OutputPlaceTests()
    {
        _site.Doc("index.md", "# Home\n");
        File.WriteAllText(Path.Combine(_site.Root, "notes.txt"), "mine");
    }

    public void Dispose() => _site.Dispose();

    private BuildResult Build(bool write = true) => SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: write));

    /// <summary>The build refused with ERR0710 at the output value of the config written by <see cref="ConfigWithOutput"/>.</summary>
    private static void AssertRefusedAtOutputKey(BuildResult result, string relation)
    {
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Null(result.OutputFolder);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(("ERR0710", 1, 12), (e.Id, e.Span.Line, e.Span.Column));
        Assert.EndsWith("site.config.json", e.Span.Path, StringComparison.Ordinal);
        Assert.Contains(relation, e.Message, StringComparison.Ordinal);
    }

    private void ConfigWithOutput(string output) => _site.Config($"{{\n  \"output\": \"{output}\"\n}}");

    private void AssertUserFilesKept()
    {
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site.Root, "notes.txt")));
        Assert.Equal("# Home\n", File.ReadAllText(Path.Combine(_site.Root, "docs", "index.md")));
        Assert.True(File.Exists(Path.Combine(_site.Root, "templates", "layout.html")));
        Assert.True(File.Exists(_site.ConfigPath));
        Assert.Empty(Directory.EnumerateDirectories(_site.Root, ".*"));
        Assert.False(File.Exists(Path.Combine(_site.Root, OutputMarker.FileName)));
    }

    [Theory]
    [InlineData(".", "is the folder of site.config.json")]
    [InlineData("docs", "is the source folder 'docs'")]
    [InlineData("docs/", "is the source folder 'docs'")]
    [InlineData("templates", "is the templates folder 'templates'")]
    [InlineData("docs/out", "is inside the source folder 'docs'")]
    [InlineData("templates/site", "is inside the templates folder 'templates'")]
    public void OutputOverTheUsersFolders_IsRefused_AndEveryFileKept(string output, string relation)
    {
        ConfigWithOutput(output);
        AssertRefusedAtOutputKey(Build(), $"output '{output}' {relation}");
        AssertUserFilesKept();
        Assert.False(Directory.Exists(Path.Combine(_site.Root, "docs", "out")));
        Assert.False(Directory.Exists(Path.Combine(_site.Root, "templates", "site")));
    }

    [Fact]
    public void OutputHoldingTheSite_IsRefused()
    {
        var inner = Path.Combine(_site.Root, "inner");
        Directory.CreateDirectory(inner);
        File.Move(_site.ConfigPath, Path.Combine(inner, "site.config.json"));
        Directory.Move(Path.Combine(_site.Root, "docs"), Path.Combine(inner, "docs"));
        Directory.Move(Path.Combine(_site.Root, "templates"), Path.Combine(inner, "templates"));
        File.WriteAllText(Path.Combine(inner, "site.config.json"), "{\n  \"output\": \"..\"\n}");

        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(inner, "site.config.json")));

        AssertRefusedAtOutputKey(result, "output '..' is a folder holding the source folder 'docs'");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site.Root, "notes.txt")));
        Assert.Equal("# Home\n", File.ReadAllText(Path.Combine(inner, "docs", "index.md")));
    }

    [Fact]
    public void TheWorkingFolder_AndFoldersHoldingIt_AreRefused()
    {
        var cwd = Environment.CurrentDirectory;
        foreach (var output in new[] { cwd, Path.GetDirectoryName(cwd)! })
        {
            var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, Output: output));
            Assert.Equal(ExitCode.BadInput, result.ExitCode);
            var e = Assert.Single(result.Diagnostics);
            Assert.Equal("ERR0710", e.Id);
            Assert.StartsWith($"--output '{output}' is ", e.Message, StringComparison.Ordinal);
            Assert.Contains("the working folder", e.Message, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(typeof(OutputPlaceTests).Assembly.Location));
    }

    [Fact]
    public void ALinkToTheSources_IsResolved_AndRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_site.Root, "published"), "docs");
        ConfigWithOutput("published");

        AssertRefusedAtOutputKey(Build(), "output 'published' is the source folder 'docs' (through a link: it is '" + Path.Combine(_site.Root, "docs") + "')");
        Assert.Equal("# Home\n", File.ReadAllText(Path.Combine(_site.Root, "published", "index.md")));
        AssertUserFilesKept();
    }

    [Fact]
    public void ALinkAboveTheOutput_IsResolved_AndRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_site.Root, "up"), "..");
        ConfigWithOutput($"up/{Path.GetFileName(_site.Root)}");

        AssertRefusedAtOutputKey(Build(), "is the folder of site.config.json (through a link");
        AssertUserFilesKept();
    }

    [Fact]
    public void Check_RefusesTheSamePlaces_WithoutWriting()
    {
        ConfigWithOutput(".");
        AssertRefusedAtOutputKey(Build(write: false), "output '.' is the folder of site.config.json");
        AssertUserFilesKept();
    }

    [Fact]
    public void AnOutputBesideTheSources_IsFine()
    {
        ConfigWithOutput("public/site");
        var result = Build();
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(_site.Root, "public", "site", "index.html")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site.Root, "notes.txt")));
    }
}
