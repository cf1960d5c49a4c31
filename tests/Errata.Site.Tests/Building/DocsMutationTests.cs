using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>
/// This project's own docs/ pass `errata check --mutate`: every claim some inverted rule can
/// make fail, or marked deliberate with its reason, and no mark on a claim that can fail.
/// </summary>
public sealed class DocsMutationTests
{
    [Fact]
    public void EveryClaimInDocs_CanFail_OrIsMarkedDeliberate()
    {
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(RepositoryRoot.Path, "site.config.json"), WriteSite: false, Strict: true) { Mutate = true });
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Scenarios.SelectMany(s => s.Scenario.Syntax.Expects), e => e.Deliberate is null);
    }
}
