using System.Text.RegularExpressions;
using Errata.Site.Building;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Rendering;

/// <summary>Gap tables generated from gap lines: a page's own, or the whole site's, every cell linked to the run that proves it.</summary>
public sealed partial class GapTableTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private static string Scenario(string name, string gaps) =>
        $"```scenario {name}\n{ScenarioFixtures.BreakpointAtGif0}{gaps}\nexpect: halted\n```\n";

    private BuildResult Build()
    {
        _site.Doc("index.md", "# One\n\n" + Scenario("db-one", "gap apm: #DB discarded\ngap kvm kvm-novgif: #DB at target") + "\n```gaps\n```\n");
        _site.Doc("two.rst", "Two\n===\n\n.. gaps:: site\n\n.. scenario:: db-two\n   :profiles: apm kvm\n\n" +
            string.Join("\n", (ScenarioFixtures.BreakpointAtGif0 + "gap kvm: #DB at target\nexpect: halted").Split('\n').Select(l => l.Length == 0 ? "" : "   " + l)) + "\n");
        return SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
    }

    /// <summary>The body rows of the gap table with that id: each row's claim and its cells' text and links.</summary>
    private static List<string> Rows(string html, string tableId)
    {
        var table = html[html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal)..];
        table = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..table.IndexOf("</table>", StringComparison.Ordinal)];
        return TableRow().Matches(table).Select(m => Tags().Replace(m.Groups[1].Value, " ").Trim()).ToList();
    }

    [Fact]
    public void PageTable_HasThePagesGapLines_EachCellLinkingToItsRun()
    {
        var result = Build();
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        var html = _site.Page("index.html");
        var id = Regex.Match(html, "id=\"(gaps-\\d+)\"").Groups[1].Value;
        Assert.Equal(["#DB discarded", "#DB at target"], Rows(html, id).Select(r => r[..r.IndexOf("  ", StringComparison.Ordinal)]));
        Assert.Contains("<a href=\"#scenario-db-one-trace-kvm-novgif\" title=\"#DB delivered at target", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#scenario-db-one-trace-apm\" title=\"#DB discarded at target", html, StringComparison.Ordinal);
        Assert.DoesNotContain("db-two", html[html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void SiteTable_HasEveryPagesGapLines_LinkingAcrossPages_AndMarksProfilesNotRun()
    {
        Build();
        var html = _site.Page("two.html");
        var id = Regex.Match(html, "id=\"(gaps-\\d+)\"").Groups[1].Value;
        var rows = Rows(html, id);
        Assert.Equal(3, rows.Count);
        Assert.Contains("index.html#scenario-db-one-trace-apm", html, StringComparison.Ordinal);
        Assert.Contains("#scenario-db-two-trace-kvm", html, StringComparison.Ordinal);
        // db-two runs apm and kvm only: its kvm-novgif cell says so.
        Assert.Matches(@"#DB at target\s+does not hold\s+holds\s+not run\s+db-two", rows[2]);
    }

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
