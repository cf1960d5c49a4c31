using System.Text;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Verification;

namespace Errata.Site.Tests.Building;

/// <summary>Deeply nested and non-UTF-8 documents through a whole build and `errata run`.</summary>
public sealed class DeepInputBuildTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private const string Good = "# Good\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n";

    private BuildResult Build(bool strict = false) => SiteBuilder.Build(new BuildOptions(_site.ConfigPath, Strict: strict));

    private string DocPath(string relative) => Path.Combine(_site.Root, "docs", relative);

    [Fact]
    public void MarkdownNestedTooDeep_IsLocated_ExitTwo_AndKeepsThePreviousSite()
    {
        _site.Doc("index.md", Good);
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        File.WriteAllText(Path.Combine(_site.Output, "marker.txt"), "previous");

        _site.Doc("deep.md", "# Deep\n\n" + string.Concat(Enumerable.Repeat("> ", 1000)) + "text\n");
        var result = Build();

        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("ERR0120", e.Id);
        Assert.EndsWith("deep.md", e.Span.Path, StringComparison.Ordinal);
        Assert.Equal((2, 200), (e.Span.Line, e.Span.Column));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(_site.Output, "marker.txt")));
    }

    [Fact]
    public void InvalidUtf8_IsAWarning_ThePageStillRenders()
    {
        _site.Doc("index.md", Good);
        File.WriteAllBytes(DocPath("bytes.md"), [.. Encoding.UTF8.GetBytes("# Bytes\n\nbad "), 0xFF, .. Encoding.UTF8.GetBytes(" here\n")]);

        var result = Build();

        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var w = Assert.Single(result.Diagnostics, d => d.Id == "ERR0122");
        Assert.Equal(Severity.Warning, w.Severity);
        Assert.EndsWith("bytes.md", w.Span.Path, StringComparison.Ordinal);
        Assert.Equal((2, 4), (w.Span.Line, w.Span.Column));
        Assert.Contains("bad \uFFFD here", _site.Page("bytes.html"), StringComparison.Ordinal);
        Assert.Equal(ExitCode.BadInput, Build(strict: true).ExitCode);
    }

    [Fact]
    public void InvalidUtf8_IsReported_ByRun()
    {
        File.WriteAllBytes(DocPath("bytes.md"), [.. Encoding.UTF8.GetBytes(Good + "\nbad "), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes("\n")]);

        var run = DocumentRun.Run(DocPath("bytes.md"), new SiteConfig(), scenario: null, RunSelection.All);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        var w = Assert.Single(run.Diagnostics);
        Assert.Equal(("ERR0122", 9, 4), (w.Id, w.Span.Line, w.Span.Column));
        Assert.Contains("0xC0", w.Message, StringComparison.Ordinal);
    }
}
