using System.Text.Json;
using System.Xml.Linq;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Reports;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;
using Errata.Testing;

namespace Errata.Site.Tests.Reports;

/// <summary>Gap lines in the reports of check: the JSON report states each, the JUnit report tests each, and the summary counts them.</summary>
public sealed class GapReportTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>One gap that holds, one that moved; and a scenario whose only gap covers no event, so #DB's difference is new.</summary>
    private VerificationOutcome Run()
    {
        _site.Doc("gaps.md", "# Gaps\n\n```scenario stated\n" + ScenarioFixtures.BreakpointAtGif0 + "gap apm: #DB discarded\ngap kvm: #DB at target\n```\n\n" +
            "```scenario unstated\n" + ScenarioFixtures.BreakpointAtGif0 + "gap apm kvm: halted ; closed\n```\n");
        var run = DocumentRun.Run(Path.Combine(_site.Root, "docs", "gaps.md"), new SiteConfig(), null, RunSelection.All);
        Assert.Equal(ExitCode.ClaimsFailed, run.ExitCode);
        return run;
    }

    [Fact]
    public void Json_StatesEachGap_AndEachNewDifference()
    {
        using var json = JsonDocument.Parse(JsonReport.Write(Run()));
        var scenarios = json.RootElement.GetProperty("scenarios");
        var gaps = scenarios[0].GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(["holds", "moved"], gaps.Select(g => g.GetProperty("state").GetString()));
        Assert.Equal(["kvm"], gaps[1].GetProperty("stated").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["kvm", "kvm-novgif"], gaps[1].GetProperty("holdsOn").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(scenarios[0].GetProperty("newDifferences").EnumerateArray());
        var fresh = Assert.Single(scenarios[1].GetProperty("newDifferences").EnumerateArray());
        Assert.Equal("#DB", fresh.GetProperty("subject").GetString());
        Assert.Equal("discarded", fresh.GetProperty("fates").GetProperty("apm").GetString());
    }

    [Fact]
    public void Junit_HasATestCasePerGapLine_AndPerNewDifference_FailingAsCheckDoes()
    {
        var root = XDocument.Parse(JunitReport.Write(Run())).Root!;
        var cases = root.Descendants("testcase").Where(t => ((string)t.Attribute("name")!) is var n && (n.StartsWith("[gap]", StringComparison.Ordinal) || n == "[new difference]")).ToList();
        Assert.Equal(["[gap] #DB discarded", "[gap] #DB at target", "[gap] halted", "[new difference]"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal([false, true, true, true], cases.Select(c => c.Element("failure") is not null));
        Assert.Contains("moved", (string)cases[1].Element("failure")!.Attribute("message")!, StringComparison.Ordinal);
        Assert.Equal(3, (int)root.Attribute("failures")!);
    }

    [Fact]
    public void Summary_CountsGapsAndNewDifferences()
    {
        Assert.Equal("0 of 0 claim(s) hold, 1 of 3 gap(s) hold, 1 new difference(s), in 2 scenario(s) of 1 document(s)", Run().Summary);
    }
}
