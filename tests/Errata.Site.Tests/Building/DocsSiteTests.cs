using System.Text.Json;
using System.Text.RegularExpressions;
using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>Builds the repository's own docs/ into a temporary folder and reads the HTML.</summary>
public sealed class DocsSiteTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("errata-docs-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private BuildResult Build() =>
        SiteBuilder.Build(new BuildOptions(Path.Combine(RepositoryRoot.Path, "site.config.json"), Output: _output));

    [Fact]
    public void Docs_BuildGreen_WithEveryClaimHolding()
    {
        var result = Build();
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Scenarios);
        Assert.All(result.Scenarios.SelectMany(s => s.Verdicts), v => Assert.True(v.Holds, $"{v.Expect.Text} on {v.Profile}: {v.Judgement.Observed}"));
    }

    [Fact]
    public void ErrataPage_ShowsVerdictsPerProfile_Escaped_WithALinkableId()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var html = File.ReadAllText(Path.Combine(_output, "errata", "gif-breakpoints.html"));
        Assert.Contains("id=\"scenario-gif-clear-exec-breakpoint\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#scenario-gif-clear-exec-breakpoint\"", html, StringComparison.Ordinal);
        // The claim text carries '#', '=' and is shown as written, escaped once.
        Assert.Contains("<code>#DB at target with dr6 = 0xffff0ff1</code>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict holds\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"verdict fails\"", html, StringComparison.Ordinal);
        // The gap the page exists to prove.
        Assert.Contains("APM: discarded; KVM: delivered", html, StringComparison.Ordinal);
        // Events carry their rule's source.
        Assert.Contains("APM Vol. 2 15.17", html, StringComparison.Ordinal);
        Assert.Contains("db_interception", html, StringComparison.Ordinal);
    }

    /// <summary>The KVM port I/O gap: the GIF=1 scenario's banner and the rule that decides it, with its kernel source.</summary>
    [Fact]
    public void NestedVirtualizationPage_ShowsThatIoBreakpointsNeverTrapUnderKvm()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var html = File.ReadAllText(Path.Combine(_output, "kvm", "x86", "errata.html"));
        var gifSet = html[html.IndexOf("id=\"scenario-io-breakpoint-gif-set\"", StringComparison.Ordinal)..];
        Assert.Contains("APM: delivered; KVM: discarded", gifSet, StringComparison.Ordinal);
        Assert.Contains("kvm.pio-ignores-io-breakpoints", gifSet, StringComparison.Ordinal);
        Assert.Contains("arch/x86/kvm/svm/svm.c: io_interception", gifSet, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"verdict fails\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPage_HasOneH1_ATableOfContents_AndLoadsNothingFromElsewhere()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        foreach (var file in Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            Assert.True(Regex.Count(html, "<h1[ >]") == 1, file + " has not exactly one h1");
            Assert.Contains("<main id=\"content\"", html, StringComparison.Ordinal);
            foreach (Match m in Regex.Matches(html, "<(?:script|link)[^>]*(?:src|href)=\"([^\"]*)\""))
                Assert.False(m.Groups[1].Value.Contains("//", StringComparison.Ordinal), $"{file} loads {m.Groups[1].Value}");
            // Pages never depend on where the build ran.
            Assert.DoesNotContain(RepositoryRoot.Path, html, StringComparison.Ordinal);
        }
        var errata = File.ReadAllText(Path.Combine(_output, "errata", "gif-breakpoints.html"));
        Assert.Contains("<nav class=\"page-toc\" aria-label=\"On this page\">", errata, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#scenario-gif-clear-exec-breakpoint\">Scenario: gif-clear-exec-breakpoint</a>", errata, StringComparison.Ordinal);
        Assert.Contains("source errata/gif-breakpoints.md:20", errata, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenariosPage_ListsEveryScenarioByProfile_LinkingBackToTheProseItProves()
    {
        var result = Build();
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var html = File.ReadAllText(Path.Combine(_output, "scenarios.html"));
        // A row per scenario, and in it a verdict per profile the scenario runs on.
        Assert.Equal(result.Scenarios.Count, Regex.Matches(html, "<th scope=\"row\"><a href=").Count);
        var cells = Regex.Matches(html, "<td class=\"verdict (holds|fails)\" data-profile=\"([^\"]+)\">");
        Assert.Equal(result.Scenarios.Sum(s => s.Runs.Count), cells.Count);
        Assert.Contains("<td class=\"verdict holds\" data-profile=\"kvm\">holds ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"errata/gif-breakpoints.html#scenario-gif-clear-exec-breakpoint\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"kvm\">kvm</option>", html, StringComparison.Ordinal);
        // Each row leads back to the paragraph the scenario proves, anchored by the scenario's name.
        Assert.Contains("href=\"errata/gif-breakpoints.html#scenario-gif-clear-exec-breakpoint-prose\"", html, StringComparison.Ordinal);
        var errata = File.ReadAllText(Path.Combine(_output, "errata", "gif-breakpoints.html"));
        Assert.Contains("<p id=\"scenario-gif-clear-exec-breakpoint-prose\">The scenario arms DR0", errata, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchIndex_HoldsPagesSectionsAndScenarios()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "search-index.json")));
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        string Url(string kind, string title) =>
            entries.Single(e => e.GetProperty("kind").GetString() == kind && e.GetProperty("title").GetString() == title).GetProperty("url").GetString()!;

        Assert.Equal("errata/gif-breakpoints.html", Url("page", "Breakpoint #DB while GIF=0"));
        Assert.Equal("errata/gif-breakpoints.html#an-instruction-breakpoint-at-gif-0", Url("section", "An instruction breakpoint at GIF=0"));
        var scenario = entries.Single(e => e.GetProperty("name").GetString() == "gif-clear-exec-breakpoint");
        Assert.Equal("errata/gif-breakpoints.html#scenario-gif-clear-exec-breakpoint", scenario.GetProperty("url").GetString());
        Assert.Contains("dr6 = 0xffff0ff1", scenario.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(entries, e => e.GetProperty("text").GetString()!.Contains("db_interception", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoBuilds_AreByteIdentical()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var first = Snapshot();
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var second = Snapshot();
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.SequenceEqual(second[path]), path + " differs");
    }

    private SortedDictionary<string, byte[]> Snapshot() =>
        new(Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_output, f), File.ReadAllBytes), StringComparer.Ordinal);
}
