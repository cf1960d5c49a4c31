using Errata.Site.Building;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Rendering;

/// <summary>
/// The paragraph a scenario proves gets one anchor. Paragraphs are told apart by where they
/// were written, so the same paragraph included twice carries none rather than two.
/// </summary>
public sealed class ProseAnchorTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private const string Scenario = ".. scenario:: proved\n\n   profiles: apm\n   code:\n     hlt\n   expect: halted\n";

    private string Build()
    {
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        return _site.Page("index.html");
    }

    private static int Count(string html, string text) => html.Split(text).Length - 1;

    [Fact]
    public void TheParagraphBeforeAScenario_HasItsAnchor()
    {
        _site.Doc("index.rst", "Page\n====\n\nThe claim.\n\n" + Scenario);
        var html = Build();
        Assert.Contains("<p id=\"scenario-proved-prose\">The claim.</p>", html, StringComparison.Ordinal);
        Assert.Contains("index.html#scenario-proved-prose", _site.Page("scenarios.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void AParagraphIncludedTwice_CarriesNoAnchor_AndTheScenariosPageLinksTheSection()
    {
        File.WriteAllText(Path.Combine(_site.Root, "docs", "part.txt"), "The claim.\n");
        _site.Doc("index.rst", "Page\n====\n\nPart\n----\n\n.. include:: part.txt\n\n" + Scenario + "\n.. include:: part.txt\n");
        var html = Build();
        Assert.Equal(2, Count(html, "The claim."));
        Assert.Equal(0, Count(html, "id=\"scenario-proved-prose\""));
        Assert.Contains("index.html#part", _site.Page("scenarios.html"), StringComparison.Ordinal);
    }
}
