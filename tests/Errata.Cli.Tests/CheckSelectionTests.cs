using System.Text.Json;
using System.Text.RegularExpressions;
using Errata.Cli.CommandLine;
using Errata.Testing;

namespace Errata.Cli.Tests;

/// <summary>
/// check's options for CI: SARIF, filters, shards merged back by merge-reports, --fail-fast,
/// --mutate, and the verdict cache seen through --verbose and --no-cache; exit codes as documented.
/// </summary>
public sealed class CheckSelectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-select-").FullName;

    public CheckSelectionTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs", "errata"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        for (var d = 0; d < 3; d++)
            File.WriteAllText(Path.Combine(_dir, "docs", "errata", $"p{d}.md"), $"# P{d}\n\n" + string.Concat(Enumerable.Range(0, 3).Select(i =>
                $"```scenario s{d}{i}\nprofiles: apm kvm\ncode:\n  hlt\nexpect: {(d == 1 && i == 2 ? "timed out" : "halted")}\n```\n\n")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Errata(params string[] args) => CliRunner.Run(_dir, args);

    [Fact]
    public void Sarif_ToStandardOutput_ExitsAsTheCheck()
    {
        var (exit, output, _) = Errata("check", "--format", "sarif");
        Assert.Equal(1, exit);
        using var sarif = JsonDocument.Parse(output);
        // The one failing claim, on each of its two profiles.
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("ERR0601", r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.Equal("docs/errata/p1.md", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void ShardReports_MergeToTheWholeCheck_AndTheMergeExitsAsItWould()
    {
        for (var i = 1; i <= 3; i++)
        {
            var (shardExit, _, err) = Errata("check", "--shard", $"{i}/3", "--format", "json", "--report", $"shards/{i}.json");
            Assert.True(shardExit is 0 or 1, err);
        }
        var (exit, output, mergeErr) = Errata("merge-reports", "--report", "merged.json", "shards/1.json", "shards/2.json", "shards/3.json");
        Assert.True(exit == 1, mergeErr);
        Assert.Equal("merged 3 report(s): claims-failed\n", output);
        using var merged = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "merged.json")));
        var (_, whole, _) = Errata("check", "--format", "json");
        using var all = JsonDocument.Parse(whole);
        Assert.Equal(Names(all.RootElement), Names(merged.RootElement));
        Assert.Equal(9, Names(merged.RootElement).Count);
    }

    [Fact]
    public void MergeReports_OfSomethingElse_ExitsTwo_NamingTheFile()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "hello");
        var (exit, _, err) = Errata("merge-reports", "notes.txt");
        Assert.Equal(2, exit);
        Assert.StartsWith("notes.txt(1,1): error ERR1104: cannot merge 'notes.txt'", err, StringComparison.Ordinal);
        Assert.Equal(2, Errata("merge-reports", "missing.json").Exit);
    }

    [Theory]
    [InlineData("--shard", "4/3", "shard '4/3' is not INDEX/COUNT")]
    [InlineData("--shard", "x", "shard 'x' is not INDEX/COUNT")]
    [InlineData("--profile", "kvm-novfig", "unknown profile 'kvm-novfig' (did you mean 'kvm-novgif'?)")]
    public void BadValues_AreUsageErrors_ExitTwo(string option, string value, string message)
    {
        var (exit, _, err) = Errata("check", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_AreRepeatable_AndANameThatMatchesNothingExitsTwo()
    {
        var (exit, output, _) = Errata("check", "--scenario", "s0*", "--scenario", "s21", "--profile", "apm");
        Assert.Equal(0, exit);
        Assert.StartsWith("4 of 4 claim(s) hold in 4 scenario(s)", output, StringComparison.Ordinal);
        Assert.Equal("3 of 3 claim(s) hold in 3 scenario(s) of 3 document(s)\n", Errata("check", "--path", "docs/errata/p2.md", "--profile", "kvm").Out);
        var (typo, _, err) = Errata("check", "--scenario", "s9");
        Assert.Equal(2, typo);
        Assert.Contains("error ERR1103: no scenario matches --scenario 's9'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void FailFast_ReportsUpToTheFirstFailure()
    {
        var (exit, output, _) = Errata("check", "--fail-fast");
        Assert.Equal(1, exit);
        // p0's three, then p1's up to s12.
        Assert.StartsWith("10 of 12 claim(s) hold in 6 scenario(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_SaysWhyEachRunRan_AndNoCacheRunsEverything()
    {
        var (_, _, cold) = Errata("check", "--verbose", "--path", "docs/errata/p0.md");
        Assert.Equal(6, Regex.Count(cold, ": re-ran: no entry\n"));
        var (_, _, warm) = Errata("check", "--verbose", "--path", "docs/errata/p0.md");
        Assert.Equal(6, Regex.Count(warm, ": reused\n"));
        Assert.Contains("docs/errata/p0.md(3,1): scenario 's00' on apm: reused", warm, StringComparison.Ordinal);
        var (_, _, off) = Errata("check", "--verbose", "--no-cache", "--path", "docs/errata/p0.md");
        Assert.Equal(6, Regex.Count(off, ": re-ran: the cache is off \\(--no-cache\\)\n"));
        var (_, _, quiet) = Errata("check", "--path", "docs/errata/p0.md");
        Assert.DoesNotContain("reused", quiet, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutate_ExitsOne_OnAClaimThatCannotFail()
    {
        var (exit, output, err) = Errata("check", "--mutate", "--path", "docs/errata/p0.md");
        Assert.Equal(1, exit);
        Assert.Contains("error ERR1100: claim 'halted' cannot fail", err, StringComparison.Ordinal);
        Assert.EndsWith("3 claim(s) cannot fail under any mutation\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrataCommandOfTheSampleWorkflow_IsACommandLineErrataTakes()
    {
        var workflow = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "ci", "github-actions.yml"));
        var lines = Regex.Matches(workflow, @"run: (errata .*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            var words = Regex.Replace(line, @"\$\{\{[^}]*\}\}", "1").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            var parsed = CommandTree.Root.Parse(words);
            Assert.True(parsed.Errors.Count == 0, $"{line}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
        }
    }

    private static List<string> Names(JsonElement report) =>
        report.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
}
