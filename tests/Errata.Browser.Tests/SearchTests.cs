using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>Search runs in the page against the index the build wrote: no server.</summary>
[Collection(SiteCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task SearchByScenarioName_FindsTheScenario_AndLeadsToIt()
    {
        await using var tab = await site.OpenAsync("docs/guide/commands.html");
        var page = tab.Page;
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" });
        await box.FillAsync("gif-clear-exec-breakpoint");

        var first = page.Locator("#search-results a").First;
        await Expect(first).ToContainTextAsync("A DR0 execute breakpoint matches while GIF=0");
        // The open results list is part of the page axe checks.
        Assert.Empty((await page.RunAxe()).Violations);

        await first.ClickAsync();
        await Expect(page).ToHaveURLAsync(site.DocsUrl + "errata/gif-breakpoints.html#scenario-gif-clear-exec-breakpoint");
        await Expect(page.Locator("#scenario-gif-clear-exec-breakpoint")).ToBeInViewportAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task SearchFindsWordsOfTheProse_AndSaysWhenNothingMatches()
    {
        await using var tab = await site.OpenAsync("docs/index.html");
        var page = tab.Page;
        var box = page.Locator("#search-input");
        await box.FillAsync("db_interception");
        // Words of the prose match equally wherever they stand; results of one score follow the navigation.
        await Expect(page.Locator("#search-results a", new() { HasText = "Breakpoint #DB while GIF=0" })).ToBeVisibleAsync();

        await box.FillAsync("no such word anywhere");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("No results.");
        await Expect(page.Locator("#search-results li")).ToHaveCountAsync(0);
        tab.AssertNoErrors();
    }
}
