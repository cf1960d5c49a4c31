using Errata.Site.Building;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Rendering;

/// <summary>Search finds every text of a page, including what sits beside a node's block children.</summary>
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
}
