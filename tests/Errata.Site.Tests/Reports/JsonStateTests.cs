using Errata.Site.Verification;
using System.Text.Json;
using Errata.Machine;
using Errata.Scenarios.Claims;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Reports;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Reports;

/// <summary>The JSON report's final state is the machine's catalogue: every field it writes is claimable, and every state field a claim names is written.</summary>
public sealed class JsonStateTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private JsonElement FirstRun()
    {
        _site.Doc("state.md", "# State\n\n```scenario state\nprofiles: apm\ncode:\n  mov rax, 0x401\n  mov dr7, rax\n  hlt\nexpect: halted\n```\n");
        var run = DocumentRun.Run(Path.Combine(_site.Root, "docs", "state.md"), new SiteConfig(), null, RunSelection.All);
        Assert.Equal(ExitCode.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(JsonReport.Write(run));
        return json.RootElement.GetProperty("scenarios")[0].GetProperty("results")[0].Clone();
    }

    [Fact]
    public void FinalState_WritesEveryCatalogueField_EachOfWhichAClaimCanName()
    {
        var final = FirstRun().GetProperty("final").EnumerateObject().ToList();
        Assert.Equal(StateFields.All.Select(f => f.Name), final.Select(p => p.Name));
        foreach (var field in final)
        {
            var value = field.Value.ValueKind == JsonValueKind.Number ? field.Value.GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : field.Value.GetString()!;
            var claim = AssertionParser.Parse($"{field.Name} = {value}");
            Assert.True(claim.Error is null, $"'{field.Name}' is reported but not claimable: {claim.Error}");
            // A bit reads as a number, a word as a hex string, by the catalogue's shape.
            var shape = StateFields.Find(field.Name)!.Shape;
            Assert.Equal(shape == StateFieldShape.Bit ? JsonValueKind.Number : JsonValueKind.String, field.Value.ValueKind);
        }
    }

    [Fact]
    public void ClaimsInTheReport_AreWrittenInCanonicalForm()
    {
        _site.Doc("state.md", "# State\n\n```scenario state\nprofiles: apm\ncode:\n  hlt\nexpect:   CPL=0x0\nexpect: halted\n```\n");
        var run = DocumentRun.Run(Path.Combine(_site.Root, "docs", "state.md"), new SiteConfig(), null, RunSelection.All);
        using var json = JsonDocument.Parse(JsonReport.Write(run));
        var claims = json.RootElement.GetProperty("scenarios")[0].GetProperty("results")[0].GetProperty("claims");
        Assert.Equal(["cpl = 0", "halted"], claims.EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.All(claims.EnumerateArray(), c => Assert.True(c.GetProperty("holds").GetBoolean()));
    }
}
