using Errata.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>
/// How an open page shows a save under `errata serve`: the changed elements swapped in place
/// (what the page held survives, it scrolls nowhere, its scripts still work, and it ends as a
/// fresh load of the same address would be); a full reload when the head changed or the new
/// page cannot be fetched; nothing at all on a page the save did not change.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LiveUpdateTests(SiteFixture site)
{
    private const string Marker = "window.__errataTestKept = 'kept'";
    private const string MarkerKept = "window.__errataTestKept === 'kept'";

    // A page taller than the window, so that where it is scrolled to shows.
    private static string Tall(string first) =>
        " " + first + string.Concat(Enumerable.Range(0, 60).Select(i => $"\n\nFiller paragraph {i}."));

    private static string LayoutIn(string root) => Path.Combine(root, "templates", "layout.html");

    // A site with a layout of its own, which a test can edit.
    private static void WriteLayout(string root, string layout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LayoutIn(root))!);
        File.WriteAllText(LayoutIn(root), layout);
    }

    // Loads of a document, not changes of the address within one (the filters' replaceState).
    private static async Task<Func<int>> CountNavigations(IPage page)
    {
        var navigations = 0;
        page.Load += (_, _) => navigations++;
        await page.EvaluateAsync(Marker);
        return () => navigations;
    }

    [Fact]
    public async Task AnEdit_IsSwappedIn_WithoutAReload_WhereTheReaderWas_AsAFreshLoadShowsIt()
    {
        await using var served = await ServedSite.StartAsync(prepare: root =>
            File.WriteAllText(ServedSite.SourceIn(root, 12), ScaleSite.Page(12, failing: false, extra: Tall("Before the edit."))));
        var url = served.Url(ServedSite.Page(12));
        await using var tab = await site.OpenAbsoluteAsync(url);
        var page = tab.Page;
        // The search has its index before the save.
        await page.Locator("#search-input").FillAsync("Before the edit");
        await Expect(page.Locator("#search-results a").First).ToContainTextAsync("Page 12");
        await page.Locator("#search-input").FillAsync("");
        await page.EvaluateAsync("window.scrollTo(0, 600)");
        Assert.Equal(600, await page.EvaluateAsync<int>("Math.round(window.scrollY)"));
        var navigations = await CountNavigations(page);
        var before = served.Server.Version;

        await SafeSave.WriteAsync(served.Source(12), ScaleSite.Page(12, failing: false, extra: Tall("Saved while open.")));

        await Expect(page.Locator("main")).ToContainTextAsync("Saved while open", new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>(MarkerKept), "the page was reloaded: what it held is gone");
        Assert.Equal(0, navigations());
        Assert.Equal(600, await page.EvaluateAsync<int>("Math.round(window.scrollY)"));
        // The listing's toggle (a theme control) works in the swapped content.
        await page.Locator("label[for$='-bytes']").First.ClickAsync();
        await Expect(page.Locator(".asm-addr").First).ToBeVisibleAsync();
        await page.Locator("label[for$='-bytes']").First.ClickAsync();
        // Once the rest of the rebuild wrote the search index, the search finds the new text.
        await served.UntilVersion(before + 2);
        await page.Locator("#search-input").FillAsync("Saved while open");
        await Expect(page.Locator("#search-results a").First).ToContainTextAsync("Page 12");
        await page.Locator("#search-input").FillAsync("");

        await using var fresh = await site.OpenAbsoluteAsync(url);
        await AssertSameAsFreshLoad(page, fresh.Page);
        tab.AssertNoErrors();
        fresh.AssertNoErrors();
    }

    [Fact]
    public async Task AnOpenPage_TheSaveDoesNotChange_NeitherFetchesNorReloads()
    {
        await using var served = await ServedSite.StartAsync();
        await using var edited = await site.OpenAbsoluteAsync(served.Url(ServedSite.Page(12)));
        var otherUrl = served.Url(ServedSite.Page(13));
        await using var other = await site.OpenAbsoluteAsync(otherUrl);
        var requests = 0;
        other.Page.Request += (_, r) => { if (r.Url == otherUrl) requests++; };
        var navigations = await CountNavigations(other.Page);
        var before = served.Server.Version;

        await SafeSave.WriteAsync(served.Source(12), ScaleSite.Page(12, failing: false, extra: " Saved while open."));

        await Expect(edited.Page.Locator("main")).ToContainTextAsync("Saved while open", new() { Timeout = 20_000 });
        // Both of the rebuild's publications are out: the changed page, then the rest.
        await served.UntilVersion(before + 2);
        await Task.Delay(500);
        Assert.Equal(0, requests);
        Assert.Equal(0, navigations());
        Assert.True(await other.Page.EvaluateAsync<bool>(MarkerKept));
        edited.AssertNoErrors();
        other.AssertNoErrors();
    }

    [Fact]
    public async Task AChangedHead_ReloadsThePage()
    {
        var layout = File.ReadAllText(LayoutIn(RepositoryRoot.Path));
        await using var served = await ServedSite.StartAsync(prepare: root => WriteLayout(root, layout));
        await using var tab = await site.OpenAbsoluteAsync(served.Url(ServedSite.Page(12)));
        var navigations = await CountNavigations(tab.Page);

        var meta = "<meta charset=\"utf-8\">";
        Assert.Contains(meta, layout, StringComparison.Ordinal);
        await SafeSave.WriteAsync(LayoutIn(served.Root), layout.Replace(meta, meta + "\n<meta name=\"errata-test\" content=\"changed\">", StringComparison.Ordinal));

        await Expect(tab.Page.Locator("meta[name=errata-test]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Assert.False(await tab.Page.EvaluateAsync<bool>(MarkerKept), "the head changed, yet the page was not reloaded");
        Assert.True(navigations() >= 1);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task APageBuiltFromAHalfWrittenLayout_StillShowsTheNextSave()
    {
        var layout = File.ReadAllText(LayoutIn(RepositoryRoot.Path));
        await using var served = await ServedSite.StartAsync(prepare: root => WriteLayout(root, layout));
        var path = LayoutIn(served.Root);
        await using var tab = await site.OpenAbsoluteAsync(served.Url(ServedSite.Page(12)));

        // What the server may read of a layout written in place, when the writer is slow: its head
        // and nothing after. Every page is then a head without a body, and the script serve adds
        // to the page is in the head, where it runs before there is a body.
        var head = layout[..(layout.IndexOf("</head>", StringComparison.Ordinal) + "</head>".Length)];
        await SafeSave.WriteAsync(path, head);
        await Expect(tab.Page.Locator("head > script[src='/__errata/live-update.js']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(tab.Page.Locator("body > *")).ToHaveCountAsync(0);

        await SafeSave.WriteAsync(path, layout.Replace("<main", "<main data-whole=\"yes\"", StringComparison.Ordinal));

        await Expect(tab.Page.Locator("main[data-whole=yes]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(tab.Page.Locator("body > script[src='/__errata/live-update.js']")).ToHaveCountAsync(1);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task AFailedFetch_ReloadsThePage()
    {
        await using var served = await ServedSite.StartAsync();
        var url = served.Url(ServedSite.Page(12));
        await using var tab = await site.OpenAbsoluteAsync(url);
        await CountNavigations(tab.Page);
        // The page's next request for itself (the fetch of its new HTML) fails; the reload after it does not.
        await tab.Page.RouteAsync(url, route => route.AbortAsync(), new() { Times = 1 });

        await File.WriteAllTextAsync(served.Source(12), ScaleSite.Page(12, failing: false, extra: " Saved while open."));

        await Expect(tab.Page.Locator("main")).ToContainTextAsync("Saved while open", new() { Timeout = 20_000 });
        Assert.False(await tab.Page.EvaluateAsync<bool>(MarkerKept), "the fetch failed, yet the page was not reloaded");
        // The failed request, and Chromium's console line about it, are the only errors.
        Assert.Contains($"request failed: {url} net::ERR_FAILED", tab.Errors);
        Assert.All(tab.Errors, e => Assert.Contains("ERR_FAILED", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterASwap_TheScenariosPagesFiltersAndTheSearchStillWork()
    {
        await using var served = await ServedSite.StartAsync();
        await using var tab = await site.OpenAbsoluteAsync(served.Url("scenarios.html"));
        var page = tab.Page;
        var navigations = await CountNavigations(page);
        await page.Locator("#filter-verdict").SelectOptionAsync("holds");
        await Expect(page.Locator("#filter-status")).ToHaveTextAsync("20 of 20 shown");
        await Expect(page.Locator(".scenario-index td.fails")).ToHaveCountAsync(0);

        await File.WriteAllTextAsync(served.Source(12), ScaleSite.Page(12, failing: true));

        await Expect(page.Locator(".scenario-index td.fails")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>(MarkerKept), "the page was reloaded: what it held is gone");
        Assert.Equal(0, navigations());
        // The filters' script ran again on the new table, with the choice the address keeps.
        await Expect(page.Locator("#filter-verdict")).ToHaveValueAsync("holds");
        await Expect(page.Locator("#filter-status")).ToHaveTextAsync("19 of 20 shown");
        await using (var fresh = await site.OpenAbsoluteAsync(page.Url))
        {
            await AssertSameAsFreshLoad(page, fresh.Page);
            fresh.AssertNoErrors();
        }

        await page.Locator("#filter-verdict").SelectOptionAsync("fails");
        await Expect(page.Locator("#filter-status")).ToHaveTextAsync("1 of 20 shown");
        await Expect(page.Locator(".scenario-index tbody tr:not([hidden])")).ToContainTextAsync("RAX holds 12");

        await page.Locator("#search-input").FillAsync("Page 12");
        await Expect(page.Locator("#search-results a").First).ToContainTextAsync("Page 12");
        tab.AssertNoErrors();
    }

    /// <summary>The main content, the sidebar and the title are what a fresh load of the same address shows.</summary>
    private static async Task AssertSameAsFreshLoad(IPage swapped, IPage fresh)
    {
        foreach (var part in new[] { "main", ".site-nav", ".site-header" })
        {
            var script = $"document.querySelector('{part}').innerHTML";
            Assert.Equal(await fresh.EvaluateAsync<string>(script), await swapped.EvaluateAsync<string>(script));
        }
        Assert.Equal(await fresh.TitleAsync(), await swapped.TitleAsync());
    }
}
