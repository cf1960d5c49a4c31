using System.Text.Json;
using System.Xml.Linq;

namespace Errata.Cli.Tests;

/// <summary>
/// What is printed as `error` is what makes the exit code non-zero: a markup error that lets
/// the build go on is a warning, in every output format, and under --strict it is an error.
/// </summary>
public sealed class SeverityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-severity-").FullName;

    public SeverityTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        // An unknown directive is an error to docutils; the page still renders its text.
        File.WriteAllText(Path.Combine(_dir, "docs", "index.rst"), "Title\n=====\n\n.. frobnicate:: x\n\nText after.\n");
        File.WriteAllText(Path.Combine(_dir, "docs", "ok.md"), "# Ok\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MarkupError_ThatDoesNotStopTheBuild_IsAWarning()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(0, exit);
        Assert.Contains("docs/index.rst(4,1): warning ERR0209", err, StringComparison.Ordinal);
        Assert.DoesNotContain(" error ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkupError_UnderStrict_IsAnError_ExitTwo()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "check", "--strict");
        Assert.Equal(2, exit);
        Assert.Contains("docs/index.rst(4,1): error ERR0209", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PrintsTheMarkupErrorAsAWarning_AndWritesTheSite()
    {
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), $"{{ \"templates\": {JsonSerializer.Serialize(Path.Combine(Errata.Testing.RepositoryRoot.Path, "templates"))} }}");
        var (exit, _, err) = CliRunner.Run(_dir, "build");
        Assert.True(exit == 0, err);
        Assert.Contains("warning ERR0209", err, StringComparison.Ordinal);
        Assert.Contains("Text after.", File.ReadAllText(Path.Combine(_dir, "_site", "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "warning")]
    [InlineData(true, "error")]
    public void EveryFormat_AgreesWithTheExitCode(bool strict, string word)
    {
        string[] Args(string format) => strict ? ["check", "--format", format, "--strict"] : ["check", "--format", format];

        var (githubExit, github, _) = CliRunner.Run(_dir, Args("github"));
        Assert.Equal(strict ? 2 : 0, githubExit);
        Assert.StartsWith($"::{word} file=docs/index.rst,line=4,col=1,title=ERR0209::", github, StringComparison.Ordinal);

        var (_, json, _) = CliRunner.Run(_dir, Args("json"));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(word, Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray()).GetProperty("severity").GetString());
        Assert.Equal(strict ? "bad-input" : "ok", doc.RootElement.GetProperty("outcome").GetString());

        var (_, junit, _) = CliRunner.Run(_dir, Args("junit"));
        var errors = XDocument.Parse(junit).Root!.Descendants("error").ToList();
        Assert.Equal(strict ? 1 : 0, errors.Count);
        if (strict) Assert.Equal("ERR0209", errors[0].Attribute("type")!.Value);
    }
}
