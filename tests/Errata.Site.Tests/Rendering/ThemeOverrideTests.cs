using Errata.Site.Building;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Rendering;

/// <summary>The default theme ships inside Errata; a site's templates folder replaces any of its files by path.</summary>
public sealed class ThemeOverrideTests : IDisposable
{
    private readonly SiteFixture _site = new();

    private const string Page = "# Home\n\nSome text.\n";

    public ThemeOverrideTests()
    {
        Directory.Delete(Path.Combine(_site.Root, "templates"), recursive: true);
        _site.Doc("index.md", Page);
    }

    private BuildResult Build()
    {
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        return result;
    }

    [Fact]
    public void SiteWithoutTemplates_BuildsWithTheBuiltInTheme()
    {
        Build();
        Assert.Contains("<h1", _site.Page("index.html"), StringComparison.Ordinal);
        foreach (var asset in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "templates", "assets")))
            Assert.Equal(File.ReadAllBytes(asset), File.ReadAllBytes(Path.Combine(_site.Output, "assets", Path.GetFileName(asset))));
    }

    [Fact]
    public void OneTemplateOfTheSite_ReplacesThatFileOnly()
    {
        var layout = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "templates", "layout.html"));
        Directory.CreateDirectory(Path.Combine(_site.Root, "templates"));
        File.WriteAllText(Path.Combine(_site.Root, "templates", "layout.html"), layout.Replace("<body", "<body data-theme=\"mine\"", StringComparison.Ordinal));
        Build();
        Assert.Contains("data-theme=\"mine\"", _site.Page("index.html"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_site.Output, "assets", "style.css")));
    }

    [Fact]
    public void AnAssetOfTheSite_ReplacesTheBuiltInOne_AndNewAssetsAreAdded()
    {
        Directory.CreateDirectory(Path.Combine(_site.Root, "templates", "assets"));
        File.WriteAllText(Path.Combine(_site.Root, "templates", "assets", "style.css"), "body { color: teal }");
        File.WriteAllText(Path.Combine(_site.Root, "templates", "assets", "extra.css"), "p { margin: 0 }");
        Build();
        Assert.Equal("body { color: teal }", File.ReadAllText(Path.Combine(_site.Output, "assets", "style.css")));
        Assert.Equal("p { margin: 0 }", File.ReadAllText(Path.Combine(_site.Output, "assets", "extra.css")));
        Assert.True(File.Exists(Path.Combine(_site.Output, "assets", "site.js")));
    }

    [Fact]
    public void ATemplateErrorInTheSitesOverride_IsLocatedInTheSitesFile()
    {
        Directory.CreateDirectory(Path.Combine(_site.Root, "templates", "partials"));
        File.WriteAllText(Path.Combine(_site.Root, "templates", "partials", "scenario.html"), "{{ if }}");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.Equal(ExitCode.BadInput, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Span.Path.EndsWith("templates/partials/scenario.html", StringComparison.Ordinal));
    }

    public void Dispose() => _site.Dispose();
}
