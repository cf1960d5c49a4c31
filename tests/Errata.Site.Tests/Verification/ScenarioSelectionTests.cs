using Errata.Site.Building;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;

namespace Errata.Site.Tests.Verification;

/// <summary>check's filters (path, scenario name, profile), --fail-fast and --shard.</summary>
public sealed class ScenarioSelectionTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private static string Scenario(string name, string claim = "halted", string profiles = "apm kvm") =>
        $"```scenario {name}\nprofiles: {profiles}\ncode:\n  hlt\nexpect: {claim}\n```\n\n";

    private void ThreeDocuments()
    {
        _site.Doc("index.md", "# Home\n\n" + Scenario("home-one") + Scenario("home-two"));
        _site.Doc("errata/gif.md", "# Gif\n\n" + Scenario("gif-one") + Scenario("gif-two", profiles: "apm"));
        _site.Doc("errata/deep/svm.md", "# Svm\n\n" + Scenario("svm-one", profiles: "kvm"));
    }

    private BuildResult Check(ScenarioFilter? filter = null, RunSelection? selection = null) =>
        SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false) { Filter = filter ?? ScenarioFilter.None, Selection = selection ?? RunSelection.All });

    private static List<string> Names(BuildResult r) => r.Scenarios.Select(s => s.Scenario.Syntax.Name).ToList();

    [Theory]
    [InlineData("errata", "gif-one gif-two svm-one")]
    [InlineData("errata/", "gif-one gif-two svm-one")]
    [InlineData("errata/gif.md", "gif-one gif-two")]
    [InlineData("errata/*.md", "gif-one gif-two")]
    [InlineData("errata/**/*.md", "gif-one gif-two svm-one")]
    [InlineData("**/svm.md", "svm-one")]
    [InlineData("*.md", "home-one home-two")]
    public void Path_IsAGlobOrAPrefix_InTheSourceFolder(string pattern, string expected)
    {
        ThreeDocuments();
        var r = Check(new ScenarioFilter { Paths = [pattern] });
        Assert.Equal(ExitCode.Ok, r.ExitCode);
        Assert.Equal(expected.Split(' '), Names(r));
    }

    [Fact]
    public void Path_AsGivenFromTheWorkingFolder_Matches()
    {
        ThreeDocuments();
        var display = SiteBuilder.Display(Path.Combine(_site.Root, "docs", "errata", "gif.md"));
        Assert.Equal(["gif-one", "gif-two"], Names(Check(new ScenarioFilter { Paths = [display] })));
    }

    [Fact]
    public void Names_AreGlobs_AndRepeatable()
    {
        ThreeDocuments();
        Assert.Equal(["home-two", "gif-one", "gif-two"], Names(Check(new ScenarioFilter { Names = ["gif-*", "home-two"] })));
    }

    [Fact]
    public void Profiles_RunOnlyThose_AndLeaveOutScenariosThatRunNone()
    {
        ThreeDocuments();
        var r = Check(selection: RunSelection.All with { Profiles = ["kvm"] });
        Assert.Equal(["home-one", "home-two", "gif-one", "svm-one"], Names(r));
        Assert.All(r.Scenarios.SelectMany(s => s.Runs), run => Assert.Equal("kvm", run.Profile.Name));
    }

    [Fact]
    public void AFilterThatMatchesNothing_IsBadInput()
    {
        ThreeDocuments();
        var r = Check(new ScenarioFilter { Names = ["typo"] });
        Assert.Equal(ExitCode.BadInput, r.ExitCode);
        Assert.Equal("ERR1103", Assert.Single(r.Diagnostics).Id);
        Assert.Contains("--scenario 'typo'", r.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInputOutsideTheFilter_IsStillReported()
    {
        ThreeDocuments();
        _site.Doc("errata/bad.md", "# Bad\n\n" + Scenario("gif-one"));
        var r = Check(new ScenarioFilter { Paths = ["index.md"] });
        Assert.Equal(ExitCode.BadInput, r.ExitCode);
        Assert.Contains(r.Diagnostics, d => d.Id == "ERR0414");
    }

    [Fact]
    public void FailFast_StopsAfterTheFirstFailingScenario_InDocumentOrder()
    {
        var doc = "# Home\n\n" + Scenario("a") + Scenario("b", "timed out") + string.Concat(Enumerable.Range(0, 12).Select(i => Scenario($"c{i}", "timed out")));
        _site.Doc("index.md", doc);
        var all = Check();
        var fast = Check(selection: RunSelection.All with { FailFast = true });

        Assert.Equal(14, all.Scenarios.Count);
        Assert.Equal(ExitCode.ClaimsFailed, fast.ExitCode);
        Assert.Equal(["a", "b"], Names(fast));
        Assert.All(fast.Diagnostics, d => Assert.Contains("'timed out'", d.Message, StringComparison.Ordinal));
        Assert.Equal(2, fast.Diagnostics.Count);
    }

    [Fact]
    public void FailFast_WhenAllHold_RunsEverything()
    {
        ThreeDocuments();
        Assert.Equal(Names(Check()), Names(Check(selection: RunSelection.All with { FailFast = true })));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_PutEveryScenarioInExactlyOne_TheSameEveryTime(int count)
    {
        for (var d = 0; d < 6; d++)
            _site.Doc($"d{d}/page.md", $"# Page {d}\n\n" + string.Concat(Enumerable.Range(0, 5).Select(i => Scenario($"s{d}-{i}", profiles: "apm"))));
        var everything = Names(Check());
        var shards = Enumerable.Range(1, count).Select(i => Names(Check(new ScenarioFilter { Shard = new Shard(i, count) }))).ToList();

        Assert.Equal(30, everything.Count);
        Assert.Equal(everything.Order(), shards.SelectMany(s => s).Order());
        Assert.Equal(shards, Enumerable.Range(1, count).Select(i => Names(Check(new ScenarioFilter { Shard = new Shard(i, count) }))).ToList());
        if (count > 1) Assert.True(shards.Count(s => s.Count > 0) > 1, "a hash that puts everything in one shard splits nothing");
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("0/4", null, null)]
    [InlineData("5/4", null, null)]
    [InlineData("1/0", null, null)]
    [InlineData("a/b", null, null)]
    [InlineData("-1/2", null, null)]
    [InlineData("2", null, null)]
    public void ShardText_IsIndexSlashCount(string text, int? index, int? count)
    {
        var shard = Shard.Parse(text);
        Assert.Equal(index, shard?.Index);
        Assert.Equal(count, shard?.Count);
    }

    [Fact]
    public void ShardOfAScenario_DependsOnlyOnItsDocumentPathAndName()
    {
        // The same on every system, whatever its path separator; and spread over every part.
        Assert.Equal(Shard.PartOf("errata/gif.md", "gif-one", 4), Shard.PartOf("errata\\gif.md", "gif-one", 4));
        var parts = Enumerable.Range(0, 400).Select(i => Shard.PartOf("p.md", $"s{i}", 4)).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([1, 2, 3, 4], parts.Keys.Order());
        Assert.All(parts.Values, n => Assert.InRange(n, 60, 140));
    }
}
