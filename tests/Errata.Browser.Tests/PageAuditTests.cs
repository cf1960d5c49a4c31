using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Errata.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Errata.Browser.Tests;

/// <summary>
/// Every page of the built sites, in the light and the dark scheme and at a phone's width: no console or script
/// errors, no failed request, and zero axe-core violations (traces expanded); a full-page
/// screenshot of each, as it loads, is kept under artifacts/.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PageAuditTests(SiteFixture site, ITestOutputHelper output)
{
    /// <summary>The pages docs/ builds to (one per source, and the scenarios page), and the failing site's page.</summary>
    public static TheoryData<string, string> Pages()
    {
        var docs = Path.Combine(RepositoryRoot.Path, "docs");
        var paths = Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".md" or ".rst")
            .Select(f => "docs/" + Path.ChangeExtension(Path.GetRelativePath(docs, f), ".html").Replace('\\', '/'))
            .Append("docs/scenarios.html")
            .Append("docs/rules.html")
            .Append("docs/contents.html")
            .Append("failing/index.html")
            .Append("failing/contents.html")
            .Append("failing/" + FailingSite.MarkupPage)
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string, string>();
        foreach (var path in paths)
            foreach (var view in new[] { "light", "dark", "narrow" })
                data.Add(path, view);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    /// <param name="view">light or dark (the system's colour scheme), or narrow (a phone's width, light).</param>
    public async Task Page_LoadsWithoutErrors_AndPassesAxe(string path, string view)
    {
        await using var tab = await site.OpenAsync(path, view == "dark" ? ColorScheme.Dark : ColorScheme.Light, view == "narrow" ? 390 : 1280);
        var page = tab.Page;

        // A full-page capture of the longest pages takes seconds on a loaded machine: past Playwright's 30 s default, it is the machine, not the page.
        await page.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.Artifacts, $"{path.Replace('/', '_')}.{view}.png"), FullPage = true, Timeout = 120_000 });
        // Expanded, every trace's content is checked too; nothing visible collapsed is hidden then.
        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
        var axe = await page.RunAxe();
        output.WriteLine($"axe-core {axe.TestEngine.Version}: {axe.Passes.Length} rules pass, {axe.Violations.Length} violations");

        tab.AssertNoErrors();
        Assert.True(axe.Violations.Length == 0, Describe(axe.Violations));
    }

    private static string Describe(AxeResultItem[] violations) =>
        string.Join("\n", violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"  {n.Target}: {n.Html}\n    {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));
}
