using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>Bad input: a located error, exit 2, and the previous site left as it was.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private const string Good = "# Good\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n";

    private BuildResult Build() => SiteBuilder.Build(new BuildOptions(_site.ConfigPath));

    private void BuildGoodSiteFirst()
    {
        _site.Doc("index.md", Good);
        var first = Build();
        Assert.True(first.ExitCode == ExitCode.Ok, string.Join("\n", first.Diagnostics));
        File.WriteAllText(Path.Combine(_site.Output, "marker.txt"), "previous");
    }

    private void AssertPreviousSiteKept()
    {
        Assert.Equal("previous", File.ReadAllText(Path.Combine(_site.Output, "marker.txt")));
        Assert.Contains("Good", _site.Page("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioThatDoesNotAssemble_IsLocated_AndKeepsThePreviousSite()
    {
        BuildGoodSiteFirst();
        _site.Doc("index.md", "# Bad\n\n```scenario bad\nprofiles: apm\ncode:\n  movz rax, 1\nexpect: halted\n```\n");
        var result = Build();
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.EndsWith("docs/index.md", e.Span.Path, StringComparison.Ordinal);
        Assert.Equal((5, 2), (e.Span.Line, e.Span.Column));
        Assert.Contains("movz", e.Message, StringComparison.Ordinal);
        AssertPreviousSiteKept();
    }

    [Fact]
    public void UnknownProfile_IsLocatedAtItsName()
    {
        BuildGoodSiteFirst();
        _site.Doc("index.md", "# Bad\n\n```scenario bad\nprofiles: apm xen\ncode:\n  hlt\nexpect: halted\n```\n");
        var result = Build();
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("ERR0403", 3, 14), (e.Id, e.Span.Line, e.Span.Column));
        AssertPreviousSiteKept();
    }

    [Fact]
    public void ConfigValueOfTheWrongType_IsLocated()
    {
        BuildGoodSiteFirst();
        _site.Config("{\n  \"source\": 12\n}");
        var result = Build();
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(("ERR0702", 1, 12), (e.Id, e.Span.Line, e.Span.Column));
        AssertPreviousSiteKept();
    }

    [Fact]
    public void MissingSourceFolder_PointsAtTheConfigKey()
    {
        BuildGoodSiteFirst();
        _site.Config("{ \"source\": \"nowhere\" }");
        var result = Build();
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(("ERR0704", 0, 12), (e.Id, e.Span.Line, e.Span.Column));
        Assert.Contains("'nowhere'", e.Message, StringComparison.Ordinal);
        AssertPreviousSiteKept();
    }

    [Fact]
    public void MissingTemplatesFolder_PointsAtTheConfigKey()
    {
        BuildGoodSiteFirst();
        _site.Config("{ \"templates\": \"theme\" }");
        var result = Build();
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(("ERR0704", 0, 15), (e.Id, e.Span.Line, e.Span.Column));
        Assert.Contains("templates folder 'theme'", e.Message, StringComparison.Ordinal);
        AssertPreviousSiteKept();
    }

    [Fact]
    public void FailingClaim_StillWritesTheSite_MarkedFailed_ExitOne()
    {
        _site.Doc("index.md", "# Claims\n\n```scenario wrong\nprofiles: apm\ncode:\n  hlt\nexpect: rax = 5\n```\n");
        var result = Build();
        Assert.Equal(ExitCode.ClaimsFailed, result.ExitCode);
        var e = Assert.Single(result.Diagnostics);
        Assert.Equal(("ERR0601", 6, 8), (e.Id, e.Span.Line, e.Span.Column));
        var html = _site.Page("index.html");
        Assert.Contains("class=\"verdict fails\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"verdict-expected\">expected rax = 5 at the end</span>; <span class=\"verdict-observed\">observed rax = 0</span>", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"scenario-status-word\">Claim failed</strong> on apm (1 of 1 checks fail)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorText_CannotInjectMarkup()
    {
        _site.Doc("index.md", "# <script>alert(1)</script>\n\n```scenario x\ntitle: <img src=x onerror=alert(1)>\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        var result = Build();
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var html = _site.Page("index.html");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }
}
