using System.Text.Json;
using Errata.Machine;
using Errata.Site.Building;
using Errata.Site.Reports;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Reports;

/// <summary>verdicts.json: every claim and gap line on every profile, with its provenance, read back as another tool would.</summary>
public sealed class VerdictDataTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private static readonly DateTimeOffset Day = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private List<JsonElement> Build()
    {
        _site.Doc("notes/db.md", "# DB\n\n```scenario db\n" + ScenarioFixtures.BreakpointAtGif0 +
            "gap apm: #DB discarded\nexpect: halted\nexpect kvm: rax = 5 ; fails\n```\n");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath) { Clock = new FixedClock(Day) });
        Assert.Equal(ExitCode.ClaimsFailed, result.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_site.Output, VerdictData.FileName)));
        Assert.Equal(VerdictData.Schema, doc.RootElement.GetProperty("schema").GetInt32());
        return doc.RootElement.GetProperty("verdicts").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static JsonElement One(List<JsonElement> all, string kind, string claim, string profile) =>
        Assert.Single(all, e => e.GetProperty("kind").GetString() == kind && e.GetProperty("claim").GetString() == claim && e.GetProperty("profile").GetString() == profile);

    [Fact]
    public void EveryClaimAndGapLine_OnEveryProfileItApplies_IsOneEntry()
    {
        var all = Build();
        // halted on 3 profiles, rax = 5 on kvm, the gap line on 3 profiles.
        Assert.Equal(7, all.Count);
        var entry = One(all, "expect", "rax = 5", "kvm");
        Assert.Equal("notes/db.md", entry.GetProperty("document").GetString());
        Assert.Equal("notes/db.html#scenario-db", entry.GetProperty("url").GetString());
        Assert.Equal("db", entry.GetProperty("scenario").GetString());
        Assert.Equal(15, entry.GetProperty("line").GetInt32());
        Assert.False(entry.GetProperty("holds").GetBoolean());
        Assert.Contains("rax = 0x", entry.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Equal(X86Machine.Version, entry.GetProperty("machine").GetString());
        Assert.Equal(ToolVersion.Full, entry.GetProperty("generator").GetString());
        Assert.Equal(VerdictData.Backend, entry.GetProperty("backend").GetString());
    }

    [Fact]
    public void VerifiedSince_IsTheLedgersDate_OnlyWhereEverythingHolds()
    {
        var all = Build();
        Assert.Equal("2026-03-04", One(all, "expect", "halted", "apm").GetProperty("verifiedSince").GetString());
        Assert.Equal(JsonValueKind.Null, One(all, "expect", "halted", "kvm").GetProperty("verifiedSince").ValueKind);
    }

    [Fact]
    public void GapEntries_SayWhichSideEachProfileIsOn()
    {
        var all = Build();
        var apm = One(all, "gap", "#DB discarded", "apm");
        var kvm = One(all, "gap", "#DB discarded", "kvm-novgif");
        Assert.Equal((true, true, true), (apm.GetProperty("holds").GetBoolean(), apm.GetProperty("claimHolds").GetBoolean(), apm.GetProperty("stated").GetBoolean()));
        Assert.Equal((true, false, false), (kvm.GetProperty("holds").GetBoolean(), kvm.GetProperty("claimHolds").GetBoolean(), kvm.GetProperty("stated").GetBoolean()));
    }
}
