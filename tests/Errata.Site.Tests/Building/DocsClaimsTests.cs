using Errata.Scenarios.Claims;
using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>The claims this project's own docs/ make read back from their printed form unchanged.</summary>
public sealed class DocsClaimsTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("errata-docs-claims-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void EveryClaimInDocs_IsStable_ThroughPrintAndParse()
    {
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(RepositoryRoot.Path, "site.config.json"), Output: _output));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        var expects = result.Scenarios.SelectMany(s => s.Scenario.Syntax.Expects).ToList();
        Assert.True(expects.Count > 40, $"only {expects.Count} expect lines in docs/");
        foreach (var expect in expects)
        {
            var printed = ClaimPrinter.Print(AssertionParser.Parse(expect.Text).Assertion!);
            var again = AssertionParser.Parse(printed);
            Assert.True(again.Error is null, $"'{expect.Text}' printed as '{printed}': {again.Error}");
            Assert.Equal(expect.Assertion, again.Assertion);
            Assert.Equal(printed, ClaimPrinter.Print(again.Assertion!));
        }
    }
}
