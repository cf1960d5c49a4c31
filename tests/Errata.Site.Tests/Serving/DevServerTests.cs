using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using Errata.Site.Building;
using Errata.Site.Serving;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Serving;

public sealed class DevServerTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>Polls until the condition holds, for at most ten seconds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "timed out");
    }

    /// <summary>Starts a server on a free port and waits (bounded) for its first build.</summary>
    private async Task<(DevServer Server, Task Running, CancellationTokenSource Cancel)> Serve()
    {
        var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var server = new DevServer(new BuildOptions(_site.ConfigPath), LoopbackPort.Free(), TextWriter.Null);
        var running = server.RunAsync(cancel.Token);
        await Until(() => server.Version >= 1);
        return (server, running, cancel);
    }

    private static async Task Stop((DevServer Server, Task Running, CancellationTokenSource Cancel) s)
    {
        await s.Cancel.CancelAsync();
        await s.Running.WaitAsync(TimeSpan.FromSeconds(10));
        s.Server.Dispose();
        s.Cancel.Dispose();
    }

    /// <summary>Sends a raw request line, as a browser never would, and returns the status line.</summary>
    private static async Task<string> RawStatusLine(int port, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(10));
        var stream = client.GetStream();
        stream.ReadTimeout = 10_000;
        var request = Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? "";
    }

    [Fact]
    public async Task Serve_AnswersAsLocalhost_AndNotOnOtherInterfaces()
    {
        _site.Doc("index.md", "# Local page\n");
        var s = await Serve();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var response = await http.GetAsync($"http://localhost:{s.Server.Port}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Local page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var others = NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
            foreach (var address in others)
            {
                using var client = new TcpClient();
                await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, s.Server.Port).WaitAsync(TimeSpan.FromSeconds(10)));
            }
        }
        finally
        {
            await Stop(s);
        }
    }

    [Fact]
    public void PortInUse_IsOneDiagnostic_BeforeAnyBuild()
    {
        _site.Doc("index.md", "# Never built\n");
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            using var server = new DevServer(new BuildOptions(_site.ConfigPath), port, TextWriter.Null);
            var error = server.Start();
            Assert.NotNull(error);
            Assert.Equal("ERR0905", error.Id);
            Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
            Assert.Equal(0, server.Version);
            Assert.False(Directory.Exists(_site.Output));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task FirstBuildFails_EveryPageListsTheErrorsEscaped_UntilABuildPasses()
    {
        _site.Doc("index.md", "# Bad\n\n```scenario bad\nprofiles: apm <b>\ncode:\n  hlt\nexpect: halted\n```\n");
        var s = await Serve();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{s.Server.Port}/"), Timeout = TimeSpan.FromSeconds(10) };
            foreach (var path in new[] { "/", "index.html", "guide/missing.html" })
            {
                var response = await http.GetAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                var page = await response.Content.ReadAsStringAsync();
                Assert.Contains("<h1>Build failed</h1>", page, StringComparison.Ordinal);
                Assert.Contains("error ERR0403", page, StringComparison.Ordinal);
                Assert.Contains("&#39;&lt;b&gt;&#39;", page, StringComparison.Ordinal);
                Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
                Assert.Contains("/__errata/live-update.js", page, StringComparison.Ordinal);
            }

            var before = s.Server.Version;
            _site.Doc("index.md", "# Fixed\n");
            await Until(() => s.Server.Version > before);
            // A save can reach the watcher as two changes (the file emptied, then written), each a build:
            // the edit is served once the build that read the whole file is done.
            var fixedPage = await http.GetAsync("/");
            for (var i = 0; i < 100 && !(fixedPage.StatusCode == HttpStatusCode.OK && (await fixedPage.Content.ReadAsStringAsync()).Contains("Fixed", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(100);
                fixedPage = await http.GetAsync("/");
            }
            Assert.Equal(HttpStatusCode.OK, fixedPage.StatusCode);
            Assert.Contains("Fixed", await fixedPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("missing.html")).StatusCode);
        }
        finally
        {
            await Stop(s);
        }
    }

    [Fact]
    public async Task VersionRequest_WaitingAfterTheCurrentBuild_AnswersWhenTheNextOneCompletes()
    {
        _site.Doc("index.md", "# Index\n");
        var s = await Serve();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{s.Server.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var current = s.Server.Version;
            var waiting = http.GetStringAsync($"__errata/version?after={current}");
            await Task.Delay(300);
            Assert.False(waiting.IsCompleted, "the request answered before any rebuild");

            _site.Doc("index.md", "# Index, edited\n");
            var answered = int.Parse(await waiting.WaitAsync(TimeSpan.FromSeconds(20)), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(answered > current, $"answered {answered} after {current}");
            // Asked after an older version, it answers at once.
            Assert.True(int.Parse(await http.GetStringAsync($"__errata/version?after={current}").WaitAsync(TimeSpan.FromSeconds(5)), System.Globalization.CultureInfo.InvariantCulture) > current);
            Assert.Contains("Index, edited", await http.GetStringAsync("index.html"), StringComparison.Ordinal);
        }
        finally
        {
            await Stop(s);
        }
    }

    [Fact]
    public async Task VersionRequest_ForAPage_AnswersWhenThatPageIsReplaced_AndNotForAnotherPagesEdit()
    {
        _site.Doc("index.md", "# Index\n");
        _site.Doc("a.md", Errata.Testing.ScaleSite.Page(1, failing: false));
        _site.Doc("b.md", Errata.Testing.ScaleSite.Page(2, failing: false));
        var s = await Serve();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{s.Server.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var current = s.Server.Version;
            var forA = http.GetStringAsync($"__errata/version?page=%2Fa.html&after={current}");
            var forB = http.GetStringAsync($"__errata/version?page=%2Fb.html&after={current}");
            var forScenarios = http.GetStringAsync($"__errata/version?page=%2Fscenarios.html&after={current}");
            await Task.Delay(300);
            Assert.False(forA.IsCompleted || forB.IsCompleted || forScenarios.IsCompleted, "a request answered before any rebuild");

            // The text alone changes: a.html, then the site-wide files, are replaced; b.html is not.
            _site.Doc("a.md", Errata.Testing.ScaleSite.Page(1, failing: false, extra: " Edited."));
            await forA.WaitAsync(TimeSpan.FromSeconds(20));
            await forScenarios.WaitAsync(TimeSpan.FromSeconds(20));
            await Task.Delay(300);
            Assert.False(forB.IsCompleted, "the page the save did not change was told to reload");
            Assert.Contains("Edited.", await http.GetStringAsync("a.html"), StringComparison.Ordinal);

            _site.Doc("b.md", Errata.Testing.ScaleSite.Page(2, failing: false, extra: " Edited too."));
            Assert.True(int.Parse(await forB.WaitAsync(TimeSpan.FromSeconds(20)), System.Globalization.CultureInfo.InvariantCulture) > current);
        }
        finally
        {
            await Stop(s);
        }
    }

    [Theory]
    [InlineData("/%zz")]
    [InlineData("/a/../index.html")]
    [InlineData("/%2e%2e/site.config.json")]
    [InlineData("/index.html%00.txt")]
    [InlineData("/%C3%28")]
    public async Task MalformedRequestPath_IsABadRequest(string target)
    {
        _site.Doc("index.md", "# Index\n");
        var s = await Serve();
        try
        {
            Assert.StartsWith("HTTP/1.1 400", await RawStatusLine(s.Server.Port, target), StringComparison.Ordinal);
            Assert.StartsWith("HTTP/1.1 200", await RawStatusLine(s.Server.Port, "/index.html"), StringComparison.Ordinal);
        }
        finally
        {
            await Stop(s);
        }
    }

    [Fact]
    public async Task Serve_ServesTheSite_RebuildsOnSave_AndOnlyOnLoopback()
    {
        _site.Doc("index.md", "# First version\n");
        var port = LoopbackPort.Free();
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
        Assert.Contains("/__errata/live-update.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("live-update.js", File.ReadAllText(Path.Combine(_site.Output, "index.html")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("../../etc/passwd")).StatusCode);

        var before = server.Version;
        _site.Doc("index.md", "# Second version\n");
        await Until(() => server.Version > before);
        Assert.Contains("Second version", await http.GetStringAsync("/"), StringComparison.Ordinal);
        var seen = server.Version;
        Assert.True(int.Parse(await http.GetStringAsync("__errata/version"), System.Globalization.CultureInfo.InvariantCulture) >= seen);

        await cancel.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
