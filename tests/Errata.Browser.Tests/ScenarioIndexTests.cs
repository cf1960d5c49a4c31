using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>The scenarios page lists every scenario with its verdict on each profile, and filters by profile and verdict.</summary>
[Collection(SiteCollection.Name)]
public sealed class ScenarioIndexTests(SiteFixture site)
{
    [Fact]
    public async Task FilterByProfileAndVerdict_ShowsOnlyMatchingRows()
    {
        await using var tab = await site.OpenAsync("docs/scenarios.html");
        var page = tab.Page;
        var rows = page.Locator(".scenario-index tbody tr");
        var visible = page.Locator(".scenario-index tbody tr:visible");
        var total = await rows.CountAsync();
        Assert.True(total >= 2, "expected a row per scenario");
        await Expect(visible).ToHaveCountAsync(total);

        await page.GetByLabel("Profile", new() { Exact = true }).SelectOptionAsync("kvm");
        await Expect(visible).Not.ToHaveCountAsync(total);
        foreach (var row in await visible.AllAsync())
            await Expect(row.Locator("td[data-profile=kvm]:not(.not-run)")).ToHaveCountAsync(1);
        foreach (var row in await page.Locator(".scenario-index tbody tr:not(:visible)").AllAsync())
            await Expect(row.Locator("td[data-profile=kvm]:not(.not-run)")).ToHaveCountAsync(0);
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
