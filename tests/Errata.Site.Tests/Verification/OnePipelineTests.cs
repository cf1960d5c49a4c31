using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;

namespace Errata.Site.Tests.Verification;

/// <summary>
/// A one-document site verified as a site (check) and as one document (run): one pipeline, so
/// the same diagnostics, verdicts, exit code and summary, whatever the document holds.
/// </summary>
public sealed class OnePipelineTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private const string Holds = "```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n";

    public static TheoryData<string, string, ExitCode> Documents() => new()
    {
        { "all hold", "# Page\n\n" + Holds, ExitCode.Ok },
        { "a claim fails", "# Page\n\n```scenario no\nprofiles: apm kvm\ncode:\n  hlt\nexpect: timed out\n```\n", ExitCode.ClaimsFailed },
        { "does not assemble", "# Page\n\n```scenario bad\nprofiles: apm\ncode:\n  movz rax, 1\nexpect: halted\n```\n", ExitCode.BadInput },
        { "a name twice in one document", "# Page\n\n" + Holds + "\n" + Holds, ExitCode.BadInput },
        { "no scenario", "# Page\n\ntext\n", ExitCode.Ok },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void CheckAndRun_AgreeOnEverything(string what, string document, ExitCode expected)
    {
        _site.Doc("index.md", document);
        var check = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false)).Outcome;
        var run = DocumentRun.Run(Path.Combine(_site.Root, "docs", "index.md"), new SiteConfig(), scenario: null, RunSelection.All);

        Assert.True(expected == check.ExitCode, $"{what}: {string.Join("\n", check.Diagnostics)}");
        Assert.Equal(check.ExitCode, run.ExitCode);
        Assert.Equal(check.Summary, run.Summary);
        Assert.Equal(check.Diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column, d.Message)), run.Diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column, d.Message)));
        Assert.Equal(
            check.Scenarios.SelectMany(s => s.Verdicts).Select(v => (v.Expect.Text, v.Profile, v.Holds)),
            run.Scenarios.SelectMany(s => s.Verdicts).Select(v => (v.Expect.Text, v.Profile, v.Holds)));
    }

    [Fact]
    public void ScenarioInADefinitionList_IsVerifiedAndRendered()
    {
        // The walker once skipped definition lists: the block was rendered without a result.
        _site.Doc("index.rst", "Page\n====\n\nterm\n   .. scenario:: in-list\n\n      profiles: apm\n      code:\n        hlt\n      expect: halted\n");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.Equal("in-list", Assert.Single(result.Scenarios).Scenario.Syntax.Name);
        Assert.Contains("id=\"scenario-in-list\"", _site.Page("index.html"), StringComparison.Ordinal);
    }
}
