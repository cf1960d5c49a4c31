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

    private JsonElement Build()
    {
        _site.Doc("notes/db.md", "# DB\n\n```scenario db\n" + ScenarioFixtures.BreakpointAtGif0 +
            "gap apm: #DB discarded\nexpect: halted\nexpect kvm: rax = 5 ; fails\n```\n");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath) { Clock = new FixedClock(Day) });
        Assert.Equal(ExitCode.ClaimsFailed, result.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_site.Output, VerdictData.FileName)));
        Assert.Equal(VerdictData.Schema, doc.RootElement.GetProperty("schema").GetInt32());
        Assert.Equal(X86Machine.Version, doc.RootElement.GetProperty("machine").GetString());
        Assert.Equal(ToolVersion.Full, doc.RootElement.GetProperty("generator").GetString());
        return Assert.Single(doc.RootElement.GetProperty("scenarios").EnumerateArray()).Clone();
    }

    private static JsonElement Profile(JsonElement scenario, string profile) => scenario.GetProperty("profiles").GetProperty(profile);

    private static JsonElement One(JsonElement scenario, string kind, string claim, string profile) =>
        Assert.Single(Profile(scenario, profile).GetProperty(kind).EnumerateArray(), e => e.GetProperty("claim").GetString() == claim);

    [Fact]
    public void EveryClaimAndGapLine_OnEveryProfileItApplies_IsOneEntry()
    {
        var scenario = Build();
        Assert.Equal("notes/db.md", scenario.GetProperty("document").GetString());
        Assert.Equal("notes/db.html#scenario-db", scenario.GetProperty("url").GetString());
        Assert.Equal("db", scenario.GetProperty("scenario").GetString());
        Assert.Equal(["apm", "kvm", "kvm-novgif"], scenario.GetProperty("profiles").EnumerateObject().Select(p => p.Name));
        // halted on 3 profiles and rax = 5 on kvm alone; the gap line on all 3.
        Assert.Equal([1, 2, 1], scenario.GetProperty("profiles").EnumerateObject().Select(p => p.Value.GetProperty("expect").GetArrayLength()));
        Assert.All(scenario.GetProperty("profiles").EnumerateObject(), p => Assert.Equal(1, p.Value.GetProperty("gaps").GetArrayLength()));
        var entry = One(scenario, "expect", "rax = 5", "kvm");
        Assert.Equal(15, entry.GetProperty("line").GetInt32());
        Assert.False(entry.GetProperty("holds").GetBoolean());
        Assert.Contains("rax = 0x", entry.GetProperty("observed").GetString(), StringComparison.Ordinal);
        Assert.Equal("rax = 5 at the end", entry.GetProperty("expected").GetString());
        Assert.Equal(VerdictData.Backend, Profile(scenario, "kvm").GetProperty("backend").GetString());
    }

    [Fact]
    public void AHoldingExpectLine_LeavesOutWhatItsClaimAlreadySays()
    {
        var halted = One(Build(), "expect", "halted", "apm");
        Assert.True(halted.GetProperty("holds").GetBoolean());
        Assert.False(halted.TryGetProperty("expected", out _));
        Assert.False(halted.TryGetProperty("observed", out _));
        Assert.False(halted.TryGetProperty("canonical", out _));
    }

    [Fact]
    public void VerifiedSince_IsTheLedgersDate_OnlyWhereEverythingHolds()
    {
        var scenario = Build();
        Assert.Equal("2026-03-04", Profile(scenario, "apm").GetProperty("verifiedSince").GetString());
        Assert.True(Profile(scenario, "apm").GetProperty("holds").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Profile(scenario, "kvm").GetProperty("verifiedSince").ValueKind);
        Assert.False(Profile(scenario, "kvm").GetProperty("holds").GetBoolean());
    }

    [Fact]
    public void GapEntries_SayWhichSideEachProfileIsOn()
    {
        var scenario = Build();
        var apm = One(scenario, "gaps", "#DB discarded", "apm");
        var kvm = One(scenario, "gaps", "#DB discarded", "kvm-novgif");
        Assert.Equal((true, true, true), (apm.GetProperty("holds").GetBoolean(), apm.GetProperty("claimHolds").GetBoolean(), apm.GetProperty("stated").GetBoolean()));
        Assert.Equal((true, false, false), (kvm.GetProperty("holds").GetBoolean(), kvm.GetProperty("claimHolds").GetBoolean(), kvm.GetProperty("stated").GetBoolean()));
        // What each side observed is the gap itself: every gap line keeps it.
        Assert.Contains("#DB", kvm.GetProperty("observed").GetString(), StringComparison.Ordinal);
    }
}
