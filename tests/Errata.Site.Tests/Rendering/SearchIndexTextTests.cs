using System.Text.Json;
using Errata.Site.Building;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Rendering;

/// <summary>Search finds every text of a page, including what sits beside a node's block children, and a scenario by its claims and gap lines.</summary>
public sealed class SearchIndexTextTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void FigureCaptions_ContentsTitles_TermsAndFieldNames_AreSearchable()
    {
        _site.Doc("index.rst", "Page\n====\n\n.. contents:: Kestrel contents\n\n.. figure:: pic.png\n\n   Falcon caption.\n\nHeron term\n   Its definition.\n\n:Osprey field: value\n");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        var index = _site.Page("search-index.json");
        Assert.All(["Kestrel contents", "Falcon caption.", "Heron term", "Osprey field"], text => Assert.Contains(text, index, StringComparison.Ordinal));
    }

    [Fact]
    public void GapLines_AreInTheScenariosEntry_WithTheirProfiles()
    {
        _site.Doc("index.md", "# Page\n\n```scenario db-gaps\n" + ScenarioFixtures.BreakpointAtGif0
            + "gap apm: #DB discarded\ngap kvm kvm-novgif: #DB at target\nexpect: halted\n```\n");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        using var json = JsonDocument.Parse(_site.Page("search-index.json"));
        var scenario = json.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "scenario");
        Assert.Equal("db-gaps", scenario.GetProperty("name").GetString());
        Assert.Equal("halted; gap apm: #DB discarded; gap kvm kvm-novgif: #DB at target", scenario.GetProperty("text").GetString());
    }
}
