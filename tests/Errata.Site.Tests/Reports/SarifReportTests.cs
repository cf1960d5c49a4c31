using System.Text.Json;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Reports;

/// <summary>SARIF 2.1.0: the shape code-scanning services require, a result per failing claim and per bad input, located as printed.</summary>
public sealed class SarifReportTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private (BuildResult Result, JsonElement Root) Check(string doc)
    {
        _site.Doc("index.md", doc);
        var r = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false));
        using var json = JsonDocument.Parse(SarifReport.Write(r.Outcome));
        return (r, json.RootElement.Clone());
    }

    [Fact]
    public void AFailingClaim_IsAnErrorResult_AtItsFileLineAndColumn()
    {
        var (r, root) = Check("# Page\n\n```scenario s\nprofiles: apm\ncode:\n  hlt\nexpect: halted\nexpect:   timed out\n```\n");
        Assert.Equal(ExitCode.ClaimsFailed, r.ExitCode);

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("errata", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        var rule = Assert.Single(driver.GetProperty("rules").EnumerateArray().ToList());
        Assert.Equal("ERR0601", rule.GetProperty("id").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var result = Assert.Single(run.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal("ERR0601", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("'timed out' fails on apm", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var location = Assert.Single(result.GetProperty("locations").EnumerateArray().ToList()).GetProperty("physicalLocation");
        var d = Assert.Single(r.Diagnostics);
        // The site is outside the working folder, so its path is absolute: a file URI.
        Assert.True(Path.IsPathRooted(d.Span.Path));
        Assert.Equal(new Uri(d.Span.Path).AbsoluteUri, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.StartsWith("file:///", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(8, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(11, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(1, run.GetProperty("properties").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void BadInput_IsAResultToo_AndWarningsKeepTheirLevel()
    {
        var (r, root) = Check("# Page\n\n```scenario s\nprofiles: apm\ncode:\n  movz rax, 1\nexpect: halted\n```\n\n```scenario quiet\nprofiles: apm\ncode:\n  hlt\n```\n");
        Assert.Equal(ExitCode.BadInput, r.ExitCode);
        var results = root.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(r.Diagnostics.Count, results.Count);
        Assert.Contains(results, x => x.GetProperty("ruleId").GetString() == "ERR0301" && x.GetProperty("level").GetString() == "error");
        Assert.Contains(results, x => x.GetProperty("ruleId").GetString() == "ERR0415" && x.GetProperty("level").GetString() == "warning");
        Assert.Equal(2, root.GetProperty("runs")[0].GetProperty("properties").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void AllHold_IsARunWithoutResults()
    {
        var (r, root) = Check("# Page\n\n```scenario s\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        Assert.Equal(ExitCode.Ok, r.ExitCode);
        Assert.Empty(root.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Empty(root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
    }
}
