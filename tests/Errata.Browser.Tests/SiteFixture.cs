using Errata.Site.Building;
using Errata.Testing;
using Microsoft.Playwright;

namespace Errata.Browser.Tests;

/// <summary>
/// Shared by every browser test: the repository's docs/ built once, a small site whose one
/// claim fails (failures are rendered, not hidden), both served on 127.0.0.1, and one
/// Debian Chromium driven by Playwright. Without Chromium every test fails; none skips.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("errata-browser-").FullName;
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The built docs/ site's folder, to list its pages.</summary>
    public string DocsFolder => Path.Combine(_root, "docs");

    /// <summary>The server's root: the docs site is under docs/, the failing site under failing/.</summary>
    public string BaseUrl => _server!.BaseUrl;

    public string DocsUrl => BaseUrl + "docs/";

    public string FailingUrl => BaseUrl + "failing/";

    /// <summary>Screenshots are kept as test artefacts beside the project.</summary>
    public static string Artifacts { get; } = Path.Combine(RepositoryRoot.Path, "tests", "Errata.Browser.Tests", "artifacts");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: install Debian's chromium package (tests/run.sh does it) to run the browser tests.");

        BuildDocs();
        FailingSite.Build(Path.Combine(_root, "failing-source"), Path.Combine(_root, "failing"));
        _server = new StaticSiteServer(_root);
        Directory.CreateDirectory(Artifacts);

        _playwright = await Playwright.CreateAsync();
        try
        {
            Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Chromium at {ChromiumPath} did not start: {e.Message}", e);
        }
    }

    private void BuildDocs()
    {
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(RepositoryRoot.Path, "site.config.json"), Output: DocsFolder));
        if (result.ExitCode != ExitCode.Ok)
            throw new InvalidOperationException("docs/ did not build:\n" + string.Join("\n", result.Diagnostics));
    }

    /// <summary>A new page in its own context, recording every console error, script error and failed request.</summary>
    public Task<BrowserPage> OpenAsync(string path, ColorScheme scheme = ColorScheme.Light, int width = 1280) =>
        OpenAbsoluteAsync(BaseUrl + path, scheme, width);

    /// <summary>
    /// As <see cref="OpenAsync"/>, for a page another server serves: until it has loaded, since
    /// a page `serve` serves always has a request open (it waits for the next build).
    /// </summary>
    public async Task<BrowserPage> OpenAbsoluteAsync(string url, ColorScheme scheme = ColorScheme.Light, int width = 1280)
    {
        var served = !url.StartsWith(BaseUrl, StringComparison.Ordinal);
        var path = served ? url : url[BaseUrl.Length..];
        var context = await Browser.NewContextAsync(new() { ColorScheme = scheme, ViewportSize = new() { Width = width, Height = 800 } });
        var page = await context.NewPageAsync();
        var tab = new BrowserPage(context, page);
        var response = await page.GotoAsync(url);
        if (response?.Status != 200) tab.Errors.Add($"HTTP {response?.Status}: {path}");
        await page.WaitForLoadStateAsync(served ? LoadState.Load : LoadState.NetworkIdle);
        return tab;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
