using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>The sidebar, the header and the previous/next links lead through the site.</summary>
[Collection(SiteCollection.Name)]
public sealed class NavigationTests(SiteFixture site)
{
    [Fact]
    public async Task SidebarLink_OpensThePage_AndMarksItCurrent()
    {
        await using var tab = await site.OpenAsync("docs/index.html");
        var page = tab.Page;
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        // A closed folder leads to its first page, whose branch is then open.
        await pages.GetByRole(AriaRole.Link, new() { Name = "errata", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.DocsUrl + "errata/gif-breakpoints.html");
        await pages.GetByRole(AriaRole.Link, new() { Name = "kvm", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.DocsUrl + "kvm/x86/errata.html");
        await pages.GetByRole(AriaRole.Link, new() { Name = "errata", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.DocsUrl + "errata/gif-breakpoints.html");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Breakpoint #DB while GIF=0#");
        await Expect(pages.Locator("[aria-current=page]")).ToHaveTextAsync("Breakpoint #DB while GIF=0");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task NextLinks_WalkEveryPageInTheContentsTreesOrder_AndPreviousLinksWalkBack()
    {
        await using var contents = await site.OpenAsync("docs/contents.html");
        var tree = await contents.Page.Locator("main .contents-tree a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        await using var tab = await site.OpenAsync("docs/index.html");
        var page = tab.Page;

        var forward = new List<string> { page.Url };
        while (await page.Locator("a[rel=next]").CountAsync() > 0)
        {
            await page.Locator("a[rel=next]").ClickAsync();
            forward.Add(page.Url);
        }
        Assert.Equal(tree, forward);

        var backward = new List<string> { page.Url };
        while (await page.Locator("a[rel=prev]").CountAsync() > 0)
        {
            await page.Locator("a[rel=prev]").ClickAsync();
            backward.Add(page.Url);
        }
        Assert.Equal(forward.AsEnumerable().Reverse(), backward);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Sidebar_OpensTheCurrentPagesBranch_AndCollapsesIt()
    {
        await using var tab = await site.OpenAsync("docs/guide/commands.html");
        var pages = tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        var branch = pages.Locator("details:has([aria-current=page])");
        await Expect(branch).ToHaveAttributeAsync("open", "");
        var sibling = pages.GetByRole(AriaRole.Link, new() { Name = "Diagnostics" });
        await Expect(sibling).ToBeVisibleAsync();

        await branch.Locator("> summary").ClickAsync();
        await Expect(sibling).ToBeHiddenAsync();
        // Another folder is one link, to its first page, until that page is open.
        await Expect(pages.GetByRole(AriaRole.Link, new() { Name = "errata", Exact = true })).ToBeVisibleAsync();
        await pages.GetByRole(AriaRole.Link, new() { Name = "All pages" }).ClickAsync();
        await Expect(tab.Page).ToHaveURLAsync(site.DocsUrl + "contents.html");
        await Expect(tab.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Diagnostics" })).ToBeVisibleAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task APageWithAFailingClaim_IsMarkedInTheSidebar_InWords()
    {
        await using var tab = await site.OpenAsync("failing/index.html");
        var pages = tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        // The mark is part of the link's name (not only a colour), as a screen reader reads it.
        await Expect(pages.GetByRole(AriaRole.Link, new() { Name = "A claim that fails (fails)" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(pages.Locator(".nav-failing")).ToBeVisibleAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task TableOfContents_LinksToTheScenarioOnThePage()
    {
        await using var tab = await site.OpenAsync("docs/errata/gif-breakpoints.html");
        var page = tab.Page;
        var toc = page.GetByRole(AriaRole.Navigation, new() { Name = "On this page" });
        await toc.GetByRole(AriaRole.Link, new() { Name = "Scenario: gif-clear-exec-breakpoint" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.DocsUrl + "errata/gif-breakpoints.html#scenario-gif-clear-exec-breakpoint");
        await Expect(page.Locator("#scenario-gif-clear-exec-breakpoint")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task HeaderLink_OpensTheScenariosPage_FromAnyDepth()
    {
        await using var tab = await site.OpenAsync("docs/guide/commands.html");
        var page = tab.Page;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Scenarios" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.DocsUrl + "scenarios.html");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Scenarios");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task SkipLink_MovesFocusToTheContent()
    {
        await using var tab = await site.OpenAsync("docs/index.html");
        var page = tab.Page;
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }
}
