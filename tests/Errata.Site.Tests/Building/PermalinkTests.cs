using System.Text.RegularExpressions;
using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>Anchors come from titles and scenario names, never from positions: editing the prose around them keeps every link valid.</summary>
public sealed class PermalinkTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private static string Page(string prose) => $"""
        # Notes

        {prose}

        ## Breakpoints

        {prose} The scenario below proves it.

        ```scenario halts
        profiles: apm
        code:
          hlt
        expect: halted
        ```

        ## Interrupts

        {prose}
        """;

    private string[] Ids(string prose)
    {
        _site.Doc("index.md", Page(prose));
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        return Regex.Matches(_site.Page("index.html"), " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
    }

    [Fact]
    public void Ids_StayTheSame_WhenTheTextAroundThemChanges()
    {
        var before = Ids("One short paragraph.");
        var after = Ids("A longer paragraph, rewritten.\n\nAnd another one added before it.");
        Assert.Equal(before, after);
        Assert.Contains("breakpoints", before);
        Assert.Contains("scenario-halts", before);
        Assert.Contains("scenario-halts-prose", before);
    }
}
