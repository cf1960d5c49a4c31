using System.Net;
using System.Net.Sockets;
using Errata.Site.Building;
using Errata.Site.Serving;
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
        var root = Directory.CreateTempSubdirectory("errata-serve-").FullName;
        try
        {
            ScaleSite.Write(root, pages: 20, perFolder: 10);
            var source = Path.Combine(root, "docs", "chapter-001", "page-0012.md");
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            using var server = new DevServer(new BuildOptions(Path.Combine(root, "site.config.json")), FreePort(), TextWriter.Null);
            var running = server.RunAsync(cancel.Token);
            for (var i = 0; i < 300 && server.Version < 1; i++) await Task.Delay(100);
            Assert.True(server.Version >= 1, "the first build did not finish");

            await using var tab = await site.OpenAbsoluteAsync($"http://127.0.0.1:{server.Port}/chapter-001/page-0012.html");
            await Expect(tab.Page.Locator("main")).Not.ToContainTextAsync("Saved while open");

            await File.WriteAllTextAsync(source, ScaleSite.Page(12, failing: false, extra: " Saved while open."));

            await Expect(tab.Page.Locator("main")).ToContainTextAsync("Saved while open", new() { Timeout = 20_000 });
            // The sidebar still marks the page, and nothing went wrong on the way.
            await Expect(tab.Page.Locator(".site-nav [aria-current=page]")).ToHaveTextAsync("Page 12");
            tab.AssertNoErrors();

            await cancel.CancelAsync();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
