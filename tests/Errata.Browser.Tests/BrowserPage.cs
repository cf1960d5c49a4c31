using Microsoft.Playwright;

namespace Errata.Browser.Tests;

/// <summary>A page in its own browser context, with every console error, script error and failed request it met.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, m) => { if (m.Type == "error") Errors.Add($"console: {m.Text} ({m.Location})"); };
        page.PageError += (_, e) => Errors.Add("script: " + e);
        page.RequestFailed += (_, r) => Errors.Add($"request failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) Errors.Add($"HTTP {r.Status}: {r.Url}"); };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public void AssertNoErrors() => Assert.True(Errors.Count == 0, string.Join("\n", Errors));

    public ValueTask DisposeAsync() => new(_context.CloseAsync());
}
