using Errata.Testing;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>`errata serve` with a page open: a saved edit shows up in it without the reader doing anything.</summary>
[Collection(SiteCollection.Name)]
public sealed class ServeTests(SiteFixture site)
{
    [Fact]
    public async Task AnEditSaved_ShowsUpInTheOpenPage()
    {
        await using var served = await ServedSite.StartAsync();
        await using var tab = await site.OpenAbsoluteAsync(served.Url(ServedSite.Page(12)));
        await Expect(tab.Page.Locator("main")).Not.ToContainTextAsync("Saved while open");

        await File.WriteAllTextAsync(served.Source(12), ScaleSite.Page(12, failing: false, extra: " Saved while open."));

        await Expect(tab.Page.Locator("main")).ToContainTextAsync("Saved while open", new() { Timeout = 20_000 });
        // The sidebar still marks the page, and nothing went wrong on the way.
        await Expect(tab.Page.Locator(".site-nav [aria-current=page]")).ToHaveTextAsync("Page 12");
        tab.AssertNoErrors();
    }
}
