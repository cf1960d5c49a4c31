using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Machine.Profiles;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Reports;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;
using Errata.Site.Verification.Cache;

namespace Errata.Site.Tests.Verification;

/// <summary>
/// The verdict cache: a warm check reuses every outcome and reports exactly what a cold one
/// does; each input of the key, changed alone, re-runs exactly the scenarios it belongs to and
/// says why; a damaged entry is run again and rewritten, never trusted.
/// </summary>
public sealed class VerdictCacheTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private const string First = "```scenario first\nprofiles: apm kvm\ncode:\n  mov rax, 7\n  mov [slot], rax\n  int3\n  hlt\nhandler #BP:\n  iretq\ndata:\nslot: dq 0\nexpect: [slot] = 7\nexpect: #BP\nexpect: halted\n```\n";
    private const string Second = "```scenario second\nprofiles: apm\ncode:\n  mov rbx, 3\n  hlt\nexpect: rbx = 3\n```\n";

    private string CacheFolder => VerdictCache.FolderOf(_site.Root);

    private string CacheFile => VerdictCache.FileOf(CacheFolder);

    /// <summary>Each entry of the cache's file, as written.</summary>
    private List<string> Entries()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(CacheFile));
        return doc.RootElement.GetProperty("entries").EnumerateObject().Select(e => e.Value.GetRawText()).ToList();
    }

    private BuildResult Check(bool cache = true) =>
        SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false) { UseCache = cache });

    private static Dictionary<(string, string), string?> Reasons(BuildResult r) =>
        r.Runs.ToDictionary(x => (x.Scenario, x.Profile), x => x.Reason);

    [Fact]
    public void WarmCheck_ReusesEveryOutcome_AndReportsExactlyWhatTheColdOneDid()
    {
        _site.Doc("index.md", "# Page\n\n" + First + "\n" + Second);
        var cold = Check();
        var warm = Check();

        Assert.Equal(ExitCode.Ok, cold.ExitCode);
        Assert.All(cold.Runs, r => Assert.Equal("no entry", r.Reason));
        Assert.Equal(3, warm.Runs.Count);
        Assert.All(warm.Runs, r => Assert.True(r.Reused, r.ToString()));
        // The JSON report holds every event, rule, frame and final state: the same from an entry as from the machine.
        Assert.Equal(JsonReport.Write(cold.Outcome), JsonReport.Write(warm.Outcome));
        Assert.Equal(SarifReport.Write(cold.Outcome), SarifReport.Write(warm.Outcome));
    }

    [Fact]
    public void AFailingClaim_IsJudgedAfreshFromTheCachedOutcome()
    {
        _site.Doc("index.md", "# Page\n\n" + Second);
        Check();
        _site.Doc("index.md", "# Page\n\n" + Second.Replace("rbx = 3", "rbx = 4", StringComparison.Ordinal));
        var changed = Check();
        Assert.Equal(ExitCode.ClaimsFailed, changed.ExitCode);
        Assert.Equal("scenario text changed", Assert.Single(changed.Runs).Reason);
    }

    [Fact]
    public void ChangingOneScenario_ReRunsExactlyThatScenario()
    {
        _site.Doc("index.md", "# Page\n\n" + First + "\n" + Second);
        Check();
        _site.Doc("index.md", "# Page\n\n" + First + "\n" + Second.Replace("hlt", "nop\n  hlt", StringComparison.Ordinal));
        var reasons = Reasons(Check());

        Assert.Equal("scenario text changed", reasons[("second", "apm")]);
        Assert.Null(reasons[("first", "apm")]);
        Assert.Null(reasons[("first", "kvm")]);
    }

    [Fact]
    public void MovingAScenarioInItsDocument_ReusesItsOutcomes()
    {
        _site.Doc("index.md", "# Page\n\n" + Second);
        Check();
        _site.Doc("index.md", "# Page\n\nA new paragraph above.\n\n" + Second);
        Assert.All(Check().Runs, r => Assert.True(r.Reused, r.ToString()));
    }

    [Fact]
    public void EachPartOfTheKey_ChangedAlone_IsNamedAsTheReason()
    {
        var compiled = Compile(Second);
        var apm = Profile("apm");
        var key = CacheKey.For(compiled, apm);
        var inverted = apm.WithInverted(Assert.IsType<string>(apm.Rules[0].Id))!;

        Assert.Empty(key.ChangesFrom(CacheKey.For(compiled, apm)));
        Assert.Equal(["profile's rules changed"], CacheKey.For(compiled, inverted).ChangesFrom(key));
        Assert.Equal(["machine changed"], (key with { Machine = "other" }).ChangesFrom(key));
        Assert.Equal(["tool version changed"], (key with { Tool = "9.9.9" }).ChangesFrom(key));
        Assert.Equal(["scenario text changed"], (key with { Scenario = "x" }).ChangesFrom(key));
        Assert.Equal(["assembler changed"], (key with { Assembler = "x" }).ChangesFrom(key));
        // The key needs no image: the scenario's text and the assembler's identity decide it.
        Assert.Equal(key, CacheKey.For(compiled with { Image = compiled.Image with { Budget = compiled.Image.Budget + 1 } }, apm));
        // Every part is in the entry's name.
        Assert.Equal(6, new[] { key, key with { Machine = "m" }, key with { Tool = "t" }, key with { Scenario = "s" }, key with { Assembler = "a" }, key with { Rules = "r" } }
            .Select(k => k.Hash).Distinct().Count());
    }

    [Theory]
    [InlineData("machine", "machine changed")]
    [InlineData("tool", "tool version changed")]
    [InlineData("assembler", "assembler changed")]
    public void AnotherBuildOfTheMachineToolOrAssembler_ReRunsEveryScenario_SayingWhy(string part, string reason)
    {
        var blocks = Blocks("# Page\n\n" + First + "\n" + Second);
        VerdictCache Cache(string version) => part switch
        {
            "machine" => VerdictCache.Open(_site.Root, machine: version),
            "tool" => VerdictCache.Open(_site.Root, tool: version),
            _ => VerdictCache.Open(_site.Root, assembler: version),
        };
        Log(blocks, Cache("1"));
        Assert.All(Log(blocks, Cache("1")), r => Assert.True(r.Reused, r.ToString()));
        var other = Log(blocks, Cache("2"));
        Assert.Equal(3, other.Count);
        Assert.All(other, r => Assert.Equal(reason, r.Reason));
        // Both builds' entries stay: going back reuses the first's.
        Assert.All(Log(blocks, Cache("1")), r => Assert.True(r.Reused, r.ToString()));
    }

    private IReadOnlyList<CachedRun> Log(IReadOnlyList<ScenarioBlock> blocks, VerdictCache cache)
    {
        var bag = new DiagnosticBag();
        ScenarioVerifier.Verify(blocks, new SiteConfig(), RunSelection.All, bag, cache: cache);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return cache.Log;
    }

    private List<ScenarioBlock> Blocks(string markdown) =>
        SitePipeline.Create().Read(Path.Combine(_site.Root, "docs", "index.md"), markdown, new Errata.Documents.ReadContext(Path.Combine(_site.Root, "docs"), false))
            .Descendants<ScenarioBlock>().ToList();

    [Theory]
    [InlineData("truncated")]
    [InlineData("tampered")]
    [InlineData("other key")]
    [InlineData("not json")]
    public void ADamagedEntry_IsRunAgainAndRewritten_NeverTrusted(string damage)
    {
        _site.Doc("index.md", "# Page\n\n" + Second);
        var cold = Check();
        Assert.Single(Entries());
        var entry = CacheFile;
        var good = File.ReadAllText(entry);
        File.WriteAllText(entry, damage switch
        {
            "truncated" => good[..(good.Length / 2)],
            // Still JSON, still the right key: only the checksum tells.
            "tampered" => good.Replace("\"rbx\":3,", "\"rbx\":4,", StringComparison.Ordinal),
            "other key" => good.Replace("\"tool\":\"", "\"tool\":\"x", StringComparison.Ordinal),
            _ => "\0\0\0",
        });
        Assert.NotEqual(good, File.ReadAllText(entry));

        var damaged = Check();
        var run = Assert.Single(damaged.Runs);
        Assert.False(run.Reused);
        Assert.EndsWith("rewritten", run.Reason, StringComparison.Ordinal);
        Assert.Equal(ExitCode.Ok, damaged.ExitCode);
        Assert.Equal(JsonReport.Write(cold.Outcome), JsonReport.Write(damaged.Outcome));
        Assert.Equal(good, File.ReadAllText(entry));
        Assert.True(Assert.Single(Check().Runs).Reused);
    }

    [Fact]
    public void OpenedAfterThePreviousVerification_TakesWhatItRead_UntilTheFileChanges()
    {
        var blocks = Blocks("# Page\n\n" + Second);
        Log(blocks, VerdictCache.Open(_site.Root));
        var warm = VerdictCache.Open(_site.Root);
        Assert.True(Assert.Single(Log(blocks, warm)).Reused);
        var good = File.ReadAllBytes(CacheFile);
        var written = File.GetLastWriteTimeUtc(CacheFile);

        // Same length and time: taken as unchanged, so what the last verification read is used, not the file.
        File.WriteAllBytes(CacheFile, new byte[good.Length]);
        File.SetLastWriteTimeUtc(CacheFile, written);
        Assert.True(Assert.Single(Log(blocks, VerdictCache.Open(_site.Root, previous: warm))).Reused);

        // Any change to the file is read: here, a damaged file, run again and rewritten.
        File.WriteAllBytes(CacheFile, new byte[good.Length + 1]);
        var reread = Assert.Single(Log(blocks, VerdictCache.Open(_site.Root, previous: warm)));
        Assert.False(reread.Reused);
        Assert.EndsWith("rewritten", reread.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AWarmCheck_WritesNothing()
    {
        _site.Doc("index.md", "# Page\n\n" + First + "\n" + Second);
        Check();
        var written = File.ReadAllBytes(CacheFile);
        File.SetLastWriteTimeUtc(CacheFile, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.All(Check().Runs, r => Assert.True(r.Reused, r.ToString()));
        Assert.Equal(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(CacheFile));
        Assert.Equal(written, File.ReadAllBytes(CacheFile));
    }

    [Fact]
    public void ACheckOfSomeScenarios_KeepsTheEntriesOfTheOthers()
    {
        var both = Blocks("# Page\n\n" + First + "\n" + Second);
        Log([both[0]], VerdictCache.Open(_site.Root));
        Log([both[1]], VerdictCache.Open(_site.Root));
        Assert.Equal(3, Entries().Count);
        Assert.All(Log(both, VerdictCache.Open(_site.Root)), r => Assert.True(r.Reused, r.ToString()));
    }

    [Fact]
    public void NoCache_RunsEverything_AndWritesNothing()
    {
        _site.Doc("index.md", "# Page\n\n" + Second);
        var off = Check(cache: false);
        Assert.Equal(ExitCode.Ok, off.ExitCode);
        Assert.Equal("the cache is off (--no-cache)", Assert.Single(off.Runs).Reason);
        Assert.False(Directory.Exists(CacheFolder));
        Check();
        Assert.Equal("the cache is off (--no-cache)", Assert.Single(Check(cache: false).Runs).Reason);
    }

    [Fact]
    public void ARunThatTimedOut_IsNeverKept()
    {
        _site.Config("{\"runTimeout\": 1}");
        _site.Doc("index.md", "# Page\n\n```scenario spin\nprofiles: apm\nbudget: 10000000\ncode:\nagain:\n  nop\n  nop\n  nop\n  jmp again\nexpect: timed out\n```\n");
        var first = Check();
        Assert.True(first.ExitCode == ExitCode.Ok, string.Join("\n", first.Diagnostics));
        Assert.EndsWith("it timed out, so it is not kept", Assert.Single(first.Runs).Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(CacheFile));
        Assert.False(Assert.Single(Check().Runs).Reused);
    }

    [Fact]
    public void TheCache_IsOutsideTheOutputFolder_AndABuildUsesIt()
    {
        _site.Doc("index.md", "# Page\n\n" + Second);
        var built = SiteBuilder.Build(new BuildOptions(_site.ConfigPath) { UseCache = true });
        Assert.Equal(ExitCode.Ok, built.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_site.Output, ".errata")));
        Assert.Single(Entries());
        var page = _site.Page("index.html");
        var again = SiteBuilder.Build(new BuildOptions(_site.ConfigPath) { UseCache = true });
        Assert.True(Assert.Single(again.Runs).Reused);
        Assert.Equal(page, _site.Page("index.html"));
    }

    [Fact]
    public void ConcurrentChecks_OnOneCache_LeaveOnlyWholeEntries()
    {
        _site.Doc("index.md", "# Page\n\n" + First + "\n" + Second);
        var results = new BuildResult[4];
        Parallel.For(0, results.Length, i => results[i] = Check());
        Assert.All(results, r => Assert.Equal(ExitCode.Ok, r.ExitCode));
        Assert.Empty(Directory.GetFiles(CacheFolder, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(3, Entries().Count);
        Assert.All(Check().Runs, r => Assert.True(r.Reused, r.ToString()));
    }

    [Fact]
    public void AnEntryKeepsOnlyTheMemoryItsClaimsRead()
    {
        _site.Doc("index.md", "# Page\n\n" + First);
        Check();
        var entries = Entries();
        Assert.Equal(2, entries.Count);
        // One qword of memory ([slot]) and the fields: kilobytes, not the scenario's megabytes.
        Assert.All(entries, e => Assert.InRange(e.Length, 100, 64 * 1024));
        Assert.All(entries, e => Assert.Matches("\"memory\":\\{\"[0-9a-f]+\":7\\}", e));
    }

    private static Profile Profile(string name)
    {
        Assert.True(ProfileRegistry.TryGet(name, out var p));
        return p;
    }

    private static CompiledScenario Compile(string markdown)
    {
        var doc = SitePipeline.Create().Read("t.md", markdown, new Errata.Documents.ReadContext(Directory.GetCurrentDirectory(), false));
        var bag = new DiagnosticBag();
        var compiled = ScenarioCompiler.Compile(doc.Descendants<ScenarioBlock>().Single(), ScenarioOptions.Default, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return compiled!;
    }
}
