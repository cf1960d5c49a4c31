using System.Text.RegularExpressions;
using Errata.Documents.Rendering.Html;
using Errata.Machine.Profiles;
using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>The rules page lists every rule of every profile, and every rule a trace names links to its row.</summary>
public sealed partial class RulesPageTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("errata-rules-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void RulesPage_ListsEveryRule_AndTraceLinksResolve()
    {
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(RepositoryRoot.Path, "site.config.json"), Output: _output));
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var rules = File.ReadAllText(Path.Combine(_output, "rules.html"));
        foreach (var rule in ProfileRegistry.All.SelectMany(p => p.Rules))
        {
            Assert.Contains($"id=\"rule-{rule.Id}\"", rules, StringComparison.Ordinal);
            Assert.Contains($"<cite>{HtmlEscaper.Escape(rule.Source)}</cite>", rules, StringComparison.Ordinal);
        }

        var page = File.ReadAllText(Path.Combine(_output, "errata", "gif-breakpoints.html"));
        var links = RuleLink().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("gif0.discard-breakpoint-match", links);
        Assert.All(links, id => Assert.Contains($"id=\"rule-{id}\"", rules, StringComparison.Ordinal));
    }

    [GeneratedRegex("href=\"\\.\\./rules\\.html#rule-([^\"]+)\"")]
    private static partial Regex RuleLink();
}
