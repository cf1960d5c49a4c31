using System.Net;
using System.Net.Sockets;
using Errata.Site.Building;
using Errata.Site.Serving;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Serving;

public sealed class DevServerTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Polls until the condition holds, for at most ten seconds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "timed out");
    }

    [Fact]
    public async Task Serve_ServesTheSite_RebuildsOnSave_AndOnlyOnLoopback()
    {
        _site.Doc("index.md", "# First version\n");
        var port = FreePort();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var server = new DevServer(new BuildOptions(_site.ConfigPath), port, TextWriter.Null);
        var running = server.RunAsync(cancel.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };

        await Until(() => server.Version >= 1);
        string page = "";
        for (var i = 0; i < 50 && !page.Contains("First version", StringComparison.Ordinal); i++)
        {
            try { page = await http.GetStringAsync("index.html"); } catch (HttpRequestException) { await Task.Delay(100); }
        }
        Assert.Contains("First version", page, StringComparison.Ordinal);
        Assert.Contains("/__errata/reload.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("reload.js", File.ReadAllText(Path.Combine(_site.Output, "index.html")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("../../etc/passwd")).StatusCode);

        var before = server.Version;
        _site.Doc("index.md", "# Second version\n");
        await Until(() => server.Version > before);
        Assert.Contains("Second version", await http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(server.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), await http.GetStringAsync("__errata/version"));

        await cancel.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
