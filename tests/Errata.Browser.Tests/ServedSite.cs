using Errata.Site.Building;
using Errata.Site.Serving;
using Errata.Testing;

namespace Errata.Browser.Tests;

/// <summary>A generated site (<see cref="ScaleSite"/>) in a folder of its own, served by `errata serve` until disposed.</summary>
public sealed class ServedSite : IAsyncDisposable
{
    private const int PerFolder = 10;

    private readonly CancellationTokenSource _cancel = new(TimeSpan.FromMinutes(3));
    private readonly Task _running;

    private ServedSite(string root)
    {
        Root = root;
        Server = new DevServer(new BuildOptions(Path.Combine(root, "site.config.json")), LoopbackPort.Free(), TextWriter.Null);
        _running = Server.RunAsync(_cancel.Token);
    }

    public string Root { get; }

    public DevServer Server { get; }

    /// <summary>
    /// Writes a site of <paramref name="pages"/> pages, ten a chapter, lets <paramref name="prepare"/>
    /// change it, and serves it once its first build is done.
    /// </summary>
    public static async Task<ServedSite> StartAsync(int pages = 20, Action<string>? prepare = null)
    {
        var root = Directory.CreateTempSubdirectory("errata-serve-").FullName;
        ScaleSite.Write(root, pages, PerFolder);
        prepare?.Invoke(root);
        var site = new ServedSite(root);
        for (var i = 0; i < 300 && site.Server.Version < 1; i++) await Task.Delay(100);
        Assert.True(site.Server.Version >= 1, "the first build did not finish");
        return site;
    }

    /// <summary>The served address of a page, by its output path ("chapter-001/page-0012.html").</summary>
    public string Url(string page) => $"http://127.0.0.1:{Server.Port}/{page}";

    /// <summary>Where the generated page <paramref name="number"/>'s source is.</summary>
    public string Source(int number) => SourceIn(Root, number);

    /// <summary>Where the generated page <paramref name="number"/>'s source is in the site at <paramref name="root"/>.</summary>
    public static string SourceIn(string root, int number) => Path.Combine(root, "docs", ScaleSite.PagePath(number, PerFolder) + ".md");

    /// <summary>The output path of the generated page <paramref name="number"/>.</summary>
    public static string Page(int number) => ScaleSite.PagePath(number, PerFolder) + ".html";

    /// <summary>Waits until the server has published <paramref name="version"/> (a rebuild publishes twice: the changed pages, then the rest).</summary>
    public async Task UntilVersion(int version)
    {
        for (var i = 0; i < 300 && Server.Version < version; i++) await Task.Delay(50);
        Assert.True(Server.Version >= version, $"the server reached version {Server.Version}, not {version}");
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        Server.Dispose();
        _cancel.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
