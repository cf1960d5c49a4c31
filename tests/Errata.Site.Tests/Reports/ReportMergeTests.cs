using System.Text.Json;
using System.Xml.Linq;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;

namespace Errata.Site.Tests.Reports;

/// <summary>
/// The reports of a check's shards, merged, tell what one check of the whole site tells:
/// the same scenarios, results and test cases, bad input once, and the worst exit code.
/// </summary>
public sealed class ReportMergeTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private const int Shards = 3;

    private void Site(bool bad = false)
    {
        for (var d = 0; d < 3; d++)
        {
            var scenarios = Enumerable.Range(0, 4).Select(i =>
                $"```scenario s{d}-{i}\nprofiles: apm\ncode:\n  hlt\nexpect: {(i == 1 && d == 2 ? "timed out" : "halted")}\n```\n\n");
            _site.Doc($"d{d}.md", $"# Page {d}\n\n" + string.Concat(scenarios));
        }
        if (bad) _site.Doc("bad.md", "# Bad\n\n```scenario bad\nprofiles: apm\ncode:\n  movz rax, 1\nexpect: halted\n```\n");
    }

    private VerificationOutcome Check(Shard? shard) =>
        SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false) { Filter = new ScenarioFilter { Shard = shard } }).Outcome;

    private (ReportMerge.Merged Merged, VerificationOutcome Whole) MergeShards(Func<VerificationOutcome, string> write)
    {
        var reports = Enumerable.Range(1, Shards).Select(i => ($"shard-{i}", write(Check(new Shard(i, Shards))))).ToList();
        var bag = new DiagnosticBag();
        var merged = ReportMerge.Merge(reports, bag);
        Assert.Empty(bag.Items);
        return (merged!, Check(null));
    }

    [Fact]
    public void Json_MergesToTheWholeCheck_ScenariosInAnyOrder()
    {
        Site();
        var (merged, whole) = MergeShards(JsonReport.Write);
        using var m = JsonDocument.Parse(merged.Text);
        using var w = JsonDocument.Parse(JsonReport.Write(whole));
        Assert.Equal(ExitCode.ClaimsFailed, merged.ExitCode);
        Assert.Equal("claims-failed", m.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(Sorted(w.RootElement.GetProperty("scenarios")), Sorted(m.RootElement.GetProperty("scenarios")));
        Assert.Equal(Sorted(w.RootElement.GetProperty("diagnostics")), Sorted(m.RootElement.GetProperty("diagnostics")));
    }

    [Fact]
    public void Sarif_MergesToOneRun_WithEveryResultOnce()
    {
        Site(bad: true);
        var (merged, whole) = MergeShards(SarifReport.Write);
        using var m = JsonDocument.Parse(merged.Text);
        using var w = JsonDocument.Parse(SarifReport.Write(whole));
        Assert.Equal(ExitCode.BadInput, merged.ExitCode);
        Assert.Equal("2.1.0", m.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(m.RootElement.GetProperty("runs").EnumerateArray().ToList());
        var wholeRun = w.RootElement.GetProperty("runs")[0];
        Assert.Equal(Sorted(wholeRun.GetProperty("results")), Sorted(run.GetProperty("results")));
        Assert.Equal(Sorted(wholeRun.GetProperty("tool").GetProperty("driver").GetProperty("rules")), Sorted(run.GetProperty("tool").GetProperty("driver").GetProperty("rules")));
        Assert.Equal(2, run.GetProperty("properties").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Junit_MergesToTheWholeChecksSuites_AndCounts()
    {
        Site(bad: true);
        var (merged, whole) = MergeShards(JunitReport.Write);
        var m = XDocument.Parse(merged.Text).Root!;
        var w = XDocument.Parse(JunitReport.Write(whole)).Root!;
        Assert.Equal(ExitCode.BadInput, merged.ExitCode);
        foreach (var attribute in new[] { "tests", "failures", "errors" })
            Assert.Equal(w.Attribute(attribute)!.Value, m.Attribute(attribute)!.Value);
        Assert.Equal(w.Elements("testsuite").Select(s => s.ToString()).Order(), m.Elements("testsuite").Select(s => s.ToString()).Order());
    }

    [Fact]
    public void AllHold_MergesToOk()
    {
        for (var d = 0; d < 3; d++) _site.Doc($"d{d}.md", $"# P\n\n```scenario s{d}\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        var (merged, _) = MergeShards(JsonReport.Write);
        Assert.Equal(ExitCode.Ok, merged.ExitCode);
    }

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData("not a report")]
    [InlineData("<html/>")]
    public void AnythingButAReport_IsRefused_Named(string text)
    {
        var bag = new DiagnosticBag();
        Assert.Null(ReportMerge.Merge([("good.json", "{\"outcome\":\"ok\",\"exitCode\":0,\"diagnostics\":[],\"scenarios\":[]}"), ("x.txt", text)], bag));
        var d = Assert.Single(bag.Items);
        Assert.Equal("ERR1104", d.Id);
        Assert.Equal("x.txt", d.Span.Path);
    }

    [Fact]
    public void ReportsOfTwoFormats_AreRefused()
    {
        _site.Doc("a.md", "# P\n\n```scenario s\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        var o = Check(null);
        var bag = new DiagnosticBag();
        Assert.Null(ReportMerge.Merge([("a.json", JsonReport.Write(o)), ("a.sarif", SarifReport.Write(o))], bag));
        Assert.Contains("it is sarif", Assert.Single(bag.Items).Message, StringComparison.Ordinal);
    }

    private static List<string> Sorted(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetRawText()).Order(StringComparer.Ordinal).ToList();
}
