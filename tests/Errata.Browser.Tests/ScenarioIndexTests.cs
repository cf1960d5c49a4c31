using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>The scenarios page lists every scenario with its verdict on each profile, and filters by profile and verdict.</summary>
[Collection(SiteCollection.Name)]
public sealed class ScenarioIndexTests(SiteFixture site)
{
    [Fact]
    public async Task FilterByVerdict_ShowsOnlyMatchingRows_AndSaysWhenNoneMatch()
    {
        await using var tab = await site.OpenAsync("docs/scenarios.html");
        var page = tab.Page;
        var rows = page.Locator(".scenario-index tbody tr");
        var visible = page.Locator(".scenario-index tbody tr:visible");
        var total = await rows.CountAsync();
        Assert.True(total >= 2, "expected a row per scenario");
        await Expect(visible).ToHaveCountAsync(total);

        await page.GetByLabel("Profile", new() { Exact = true }).SelectOptionAsync("kvm");
        await Expect(visible).ToHaveCountAsync(await page.Locator(".scenario-index tbody tr:has(td[data-profile=kvm]:not(.not-run))").CountAsync());
        await Expect(page).ToHaveURLAsync(site.DocsUrl + "scenarios.html?profile=kvm");

        await page.GetByLabel("Verdict", new() { Exact = true }).SelectOptionAsync("fails");
        await Expect(visible).ToHaveCountAsync(0);
        await Expect(page.Locator("#filter-empty")).ToBeVisibleAsync();

        await page.GetByLabel("Profile", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByLabel("Verdict", new() { Exact = true }).SelectOptionAsync("holds");
        await Expect(visible).ToHaveCountAsync(total);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task FilterByProfile_HidesScenariosThatDoNotRunThere_AndCombinesWithTheVerdict()
    {
        await using var tab = await site.OpenAsync("failing/scenarios.html?profile=kvm");
        var page = tab.Page;
        var visible = page.Locator(".scenario-index tbody tr:visible");
        await Expect(page.Locator(".scenario-index tbody tr")).ToHaveCountAsync(2);
        await Expect(visible).ToHaveCountAsync(1);
        await Expect(visible.Locator("code.scenario-name")).ToHaveTextAsync("kvm-discards");

        await page.GetByLabel("Profile", new() { Exact = true }).SelectOptionAsync("apm");
        await Expect(visible).ToHaveCountAsync(2);
        // Both hold on apm: the failure is kvm's alone.
        await page.GetByLabel("Verdict", new() { Exact = true }).SelectOptionAsync("fails");
        await Expect(visible).ToHaveCountAsync(0);
        await Expect(page.Locator("#filter-status")).ToHaveTextAsync("0 of 2 shown");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task FilterFromTheAddress_AndRowLinksBackToTheParagraphItProves()
    {
        await using var tab = await site.OpenAsync("failing/scenarios.html?verdict=fails");
        var page = tab.Page;
        var visible = page.Locator(".scenario-index tbody tr:visible");
        await Expect(visible).ToHaveCountAsync(1);
        await Expect(visible.Locator("td.fails")).ToHaveAttributeAsync("data-profile", "kvm");

        await visible.GetByRole(AriaRole.Link).Last.ClickAsync();
        await Expect(page).ToHaveURLAsync(site.FailingUrl + "index.html#" + FailingSite.ScenarioId + "-prose");
        var prose = page.Locator($"#{FailingSite.ScenarioId}-prose");
        await Expect(prose).ToContainTextAsync("KVM re-injects the breakpoint #DB");
        await Expect(prose).ToBeInViewportAsync();
        tab.AssertNoErrors();
    }
}
