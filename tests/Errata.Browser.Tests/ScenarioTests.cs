using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>A scenario on its page: traces expand and collapse, permalinks scroll to it, failed claims point at the evidence.</summary>
[Collection(SiteCollection.Name)]
public sealed class ScenarioTests(SiteFixture site)
{
    private const string Page = "docs/errata/gif-breakpoints.html";
    private const string Scenario = "scenario-gif-clear-exec-breakpoint";

    [Fact]
    public async Task Trace_ExpandsAndCollapses_ShowingEachEventWithItsRule()
    {
        await using var tab = await site.OpenAsync(Page);
        var trace = tab.Page.Locator($"#{Scenario}-trace-kvm");
        var summary = trace.Locator("summary");
        var firstEvent = trace.Locator($"#{Scenario}-kvm-event-0");

        await Expect(trace).Not.ToHaveAttributeAsync("open", "");
        await Expect(firstEvent).ToBeHiddenAsync();

        await summary.ClickAsync();
        await Expect(trace).ToHaveAttributeAsync("open", "");
        await Expect(firstEvent).ToBeVisibleAsync();
        await Expect(firstEvent).ToContainTextAsync("kvm.db-reinjected-without-gif-check");
        await Expect(firstEvent).ToContainTextAsync("db_interception");

        await summary.ClickAsync();
        await Expect(trace).Not.ToHaveAttributeAsync("open", "");
        await Expect(firstEvent).ToBeHiddenAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task ScenarioPermalink_ScrollsToTheScenario()
    {
        await using var tab = await site.OpenAsync($"{Page}#{Scenario}");
        var page = tab.Page;
        var scenario = page.Locator($"#{Scenario}");
        await Expect(scenario).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0, "the page did not scroll");
        var top = await scenario.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.InRange(top, -1, 50);

        // The permalink on the scenario's heading is the same address.
        await page.Locator($"#{Scenario}-title .permalink").ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseUrl + $"{Page}#{Scenario}");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task EventPermalink_OpensItsTrace_AndScrollsToTheEvent()
    {
        await using var tab = await site.OpenAsync($"{Page}#{Scenario}-kvm-event-0");
        var page = tab.Page;
        await Expect(page.Locator($"#{Scenario}-trace-kvm")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator($"#{Scenario}-kvm-event-0")).ToBeInViewportAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Printing_ExpandsEveryTrace()
    {
        await using var tab = await site.OpenAsync(Page);
        var page = tab.Page;
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator($"#{Scenario}-apm-event-0")).ToBeVisibleAsync();
        await Expect(page.Locator(".site-nav")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task FailedClaim_IsMarked_ShowsExpectedAgainstObserved_AndLinksToTheFirstDivergentEvent()
    {
        await using var tab = await site.OpenAsync("failing/index.html");
        var page = tab.Page;
        var scenario = page.Locator($"#{FailingSite.ScenarioId}");
        await Expect(scenario).ToHaveClassAsync("scenario failed");
        await Expect(scenario.Locator(".scenario-status")).ToContainTextAsync("Claim failed on kvm");
        var cell = scenario.Locator("td.verdict.fails");
        await Expect(cell).ToHaveCountAsync(1);
        await Expect(cell.Locator(".verdict-expected")).ToHaveTextAsync("expected no #DB delivered");
        await Expect(cell.Locator(".verdict-observed")).ToContainTextAsync("observed #DB delivered at target");

        await cell.GetByRole(AriaRole.Link, new() { Name = "first divergent event" }).ClickAsync();
        var target = page.Locator($"#{FailingSite.ScenarioId}-kvm-event-0");
        await Expect(target).ToBeVisibleAsync();
        await Expect(target).ToBeInViewportAsync();
        await Expect(target).ToContainTextAsync("delivered");
        tab.AssertNoErrors();
    }
}
