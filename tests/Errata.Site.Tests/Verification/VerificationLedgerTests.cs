using System.Text.Json;
using Errata.Site.Building;
using Errata.Site.Tests.Building;
using Errata.Site.Verification;
using Errata.Testing;

namespace Errata.Site.Tests.Verification;

/// <summary>verified.json beside the config: dates for holding runs only, kept across builds, nothing stale left behind.</summary>
public sealed class VerificationLedgerTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private string Ledger => Path.Combine(_site.Root, VerificationLedger.FileName);

    private void Build(string expect, DateTimeOffset day)
    {
        _site.Doc("index.md", "# DB\n\n```scenario db\nprofiles: apm kvm\n" + ScenarioFixtures.BreakpointAtGif0 + expect + "\n```\n");
        SiteBuilder.Build(new BuildOptions(_site.ConfigPath) { Clock = new FixedClock(day) });
    }

    private Dictionary<string, string> Entries() => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Ledger))!;

    private static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Later = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ledger_LivesBesideTheConfig_AndDatesOnlyTheRunsThatHold()
    {
        Build("expect apm: #DB discarded\nexpect kvm: rax = 5", First);
        Assert.False(Directory.Exists(Path.Combine(_site.Root, ".errata")));
        var entries = Entries();
        Assert.Equal(["2026-01-01"], entries.Values);
        Assert.Contains("verified <time datetime=\"2026-01-01\">", _site.Page("index.html"), StringComparison.Ordinal);
        Assert.Contains("not verified", _site.Page("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ARebuild_KeepsTheFirstDate_AndAChangedScenarioStartsANewOne_LeavingNoStaleEntry()
    {
        Build("expect: halted", First);
        var before = File.ReadAllText(Ledger);
        Build("expect: halted", Later);
        Assert.Equal(before, File.ReadAllText(Ledger));
        Build("expect: halted ; now with a comment", Later);
        Assert.Equal(["2026-02-01", "2026-02-01"], Entries().Values);
    }

    [Fact]
    public void ALedgerKeptInTheFormerPlace_CarriesItsDatesOver()
    {
        Build("expect: halted", First);
        var dates = File.ReadAllText(Ledger);
        File.Delete(Ledger);
        Directory.CreateDirectory(Path.Combine(_site.Root, ".errata"));
        File.WriteAllText(Path.Combine(_site.Root, ".errata", "verified.json"), dates);
        Build("expect: halted", Later);
        Assert.Equal(["2026-01-01", "2026-01-01"], Entries().Values);
    }

    [Fact]
    public void OpenedAfterAPreviousLedger_TakesWhatItRead_UntilTheFileChanges()
    {
        const string key = "0123456789abcdef";
        File.WriteAllText(Ledger, $$"""{ "{{key}}": "2026-01-01" }""");
        var written = File.GetLastWriteTimeUtc(Ledger);
        var first = VerificationLedger.Open(_site.Root, new FixedClock(Later));

        // Same length and time: taken as unchanged, so what the first one read is used, not the file.
        File.WriteAllText(Ledger, $$"""{ "{{key}}": "2025-05-05" }""");
        File.SetLastWriteTimeUtc(Ledger, written);
        Assert.Equal("2026-01-01", VerificationLedger.Open(_site.Root, new FixedClock(Later), first).DateFor(key));

        // Any change to the file is read.
        File.WriteAllText(Ledger, $$"""{ "{{key}}": "2025-05-05" }""" + "\n");
        Assert.Equal("2025-05-05", VerificationLedger.Open(_site.Root, new FixedClock(Later), first).DateFor(key));
        // A key it never had gets today, whichever way it was opened.
        Assert.Equal("2026-02-01", VerificationLedger.Open(_site.Root, new FixedClock(Later), first).DateFor("fedcba9876543210"));
    }
}
