using Errata.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Errata.Browser.Tests;

/// <summary>
/// What a reader sees: the scenario as its author wrote it, addresses and bytes one toggle
/// away; RST markup styled as what it is; and every page readable at a phone's width, code
/// and tables scrolling inside themselves rather than widening the page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReaderViewTests(SiteFixture site)
{
    private const int PhoneWidth = 375;

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var path in PageAuditTests.Pages().Select(row => (string)row[0]).Distinct()) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AtAPhonesWidth_NothingScrollsThePageSideways(string path)
    {
        await using var tab = await site.OpenAsync(path, width: PhoneWidth);
        var page = tab.Page;
        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
        var (scroll, client) = await Widths(page, "document.documentElement");
        Assert.True(scroll <= client, $"{path} is {scroll}px wide in a {client}px viewport");
        // Every block that may be wide stays inside the viewport; what does not fit scrolls within it.
        var outside = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('pre, .table-wrap, table, figure, aside, dl')]" +
            ".filter(e => !e.parentElement.closest('.table-wrap, pre'))" +
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)" +
            ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(outside.Length == 0, $"{path}: {string.Join(", ", outside)}");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task WideCode_ScrollsInsideItsBlock_AsDoScenarioTables()
    {
        await using var tab = await site.OpenAsync("failing/" + FailingSite.MarkupPage, width: PhoneWidth);
        await AssertScrollsInside(tab.Page.Locator("pre").First);
        await using var scenario = await site.OpenAsync("failing/index.html", width: PhoneWidth);
        await AssertScrollsInside(scenario.Page.Locator(".scenario .table-wrap").First);
        await AssertScrollsInside(scenario.Page.Locator(".scenario pre").First);
    }

    private static async Task AssertScrollsInside(ILocator e)
    {
        var (scroll, client) = await Widths(e);
        Assert.True(scroll > client, $"expected content wider than its {client}px block at a phone's width, got {scroll}px");
        Assert.Equal("auto", await e.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"));
        Assert.Equal("0", await e.GetAttributeAsync("tabindex"));
    }

    [Fact]
    public async Task Listing_IsTheAuthorsSource_AddressesAndBytesOneToggleAway()
    {
        await using var tab = await site.OpenAsync("docs/errata/gif-breakpoints.html");
        var figure = tab.Page.Locator("#scenario-gif-clear-exec-breakpoint .scenario-code");
        await Expect(figure.Locator("pre")).ToContainTextAsync("mov rax, 0x401          ; L0: enable DR0; bit 10 reads as 1");
        await Expect(figure.Locator("pre")).ToContainTextAsync("expect kvm kvm-novgif: #DB at target with dr6 = 0xffff0ff1");
        var address = figure.Locator(".asm-addr").Filter(new() { HasText = "0x" }).First;
        await Expect(address).ToBeHiddenAsync();
        await figure.Locator("label").ClickAsync();
        await Expect(address).ToBeVisibleAsync();
        await Expect(figure.Locator(".asm-bytes").Filter(new() { HasText = "0f 01 dd" })).ToBeVisibleAsync();
        await figure.Locator("label").ClickAsync();
        await Expect(address).ToBeHiddenAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Admonitions_AndFieldLists_AreStyledAsWhatTheyAre()
    {
        await using var tab = await site.OpenAsync("failing/" + FailingSite.MarkupPage);
        var page = tab.Page;
        var paragraph = page.Locator("main p").Filter(new() { HasText = "Fields:" });
        foreach (var kind in new[] { "note", "warning" })
        {
            var box = page.Locator($"aside.admonition.{kind}");
            await Expect(box.Locator(".admonition-title")).ToHaveCSSAsync("font-weight", "700");
            await Expect(box).ToHaveCSSAsync("border-left-width", "4px");
            // Not a stray paragraph: a box whose background differs from the prose's.
            Assert.NotEqual(await Background(paragraph), await Background(box));
        }
        var fields = page.Locator("dl.field-list");
        await Expect(fields).ToHaveCSSAsync("display", "grid");
        await Expect(fields.Locator("dt").First).ToHaveCSSAsync("font-weight", "600");
        // Name and value share a row: the value starts level with its name, to its right.
        var name = await fields.Locator("dt").First.BoundingBoxAsync();
        var value = await fields.Locator("dd").First.BoundingBoxAsync();
        Assert.True(Math.Abs(name!.Y - value!.Y) < 4 && value.X > name.X + name.Width, $"dt at {name.X},{name.Y}; dd at {value.X},{value.Y}");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task StatusBoxes_AreStyledAsTheirStatus_WhichTheirTitlesSayInWords()
    {
        await using var tab = await site.OpenAsync("docs/kvm/x86/errata.html");
        var page = tab.Page;
        var proved = page.Locator("aside.admonition.status.proved");
        var notModelled = page.Locator("aside.admonition.status.not-modelled").First;
        await Expect(proved.Locator(".admonition-title")).ToHaveTextAsync("Status: proved by scenarios");
        await Expect(notModelled.Locator(".admonition-title")).ToHaveTextAsync("Status: not modelled");
        await Expect(proved).ToHaveCSSAsync("border-left-width", "6px");
        await Expect(notModelled).ToHaveCSSAsync("border-left-style", "dashed");
        // Each status looks its own, and neither like a plain admonition.
        Assert.NotEqual(await Background(proved), await Background(notModelled));
        Assert.NotEqual(await BorderColour(proved), await BorderColour(notModelled));
        await using var plain = await site.OpenAsync("failing/" + FailingSite.MarkupPage);
        var note = plain.Page.Locator("aside.admonition.note");
        Assert.DoesNotContain(await Background(note), new[] { await Background(proved), await Background(notModelled) });
        tab.AssertNoErrors();
    }

    private static Task<string> Background(ILocator e) => e.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    private static Task<string> BorderColour(ILocator e) => e.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor");

    private static async Task<(double Scroll, double Client)> Widths(IPage page, string element)
    {
        var w = await page.EvaluateAsync<double[]>($"() => [{element}.scrollWidth, {element}.clientWidth]");
        return (w[0], w[1]);
    }

    private static async Task<(double Scroll, double Client)> Widths(ILocator e)
    {
        var w = await e.EvaluateAsync<double[]>("e => [e.scrollWidth, e.clientWidth]");
        return (w[0], w[1]);
    }
}
