using Errata.Site.Serving;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Serving;

/// <summary>The watcher reports a save once it has settled, as the document alone, however the editor wrote it.</summary>
public sealed class SourceWatcherTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private string Docs(string name) => Path.Combine(_site.Root, "docs", name);

    /// <summary>Runs <paramref name="save"/> and returns every path the watcher reported until two seconds passed quietly.</summary>
    private async Task<HashSet<string>> Reported(Action save, IReadOnlySet<string>? written = null)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var calls = 0;
        using (new SourceWatcher(_site.Root, _site.Output, (paths, _) =>
        {
            lock (reported) reported.UnionWith(paths);
            Interlocked.Increment(ref calls);
        }, written))
        {
            save();
            for (var i = 0; i < 100 && Volatile.Read(ref calls) == 0; i++) await Task.Delay(50);
            await Task.Delay(2000);
        }
        lock (reported) return reported;
    }

    [Fact]
    public async Task ASaveThroughATemporaryFileRenamedIntoPlace_IsTheDocumentAlone()
    {
        _site.Doc("page.md", "# Page\n");
        var reported = await Reported(() =>
        {
            var temporary = Docs("page.md___jb_tmp___");
            File.WriteAllText(temporary, "# Page, saved\n");
            File.Move(Docs("page.md"), Docs("page.md___jb_old___"));
            File.Move(temporary, Docs("page.md"));
            File.Delete(Docs("page.md___jb_old___"));
        });
        Assert.Equal([Docs("page.md")], reported);
    }

    [Fact]
    public async Task ASaveThroughAHiddenFileRenamedOverTheDocument_IsTheDocumentAlone()
    {
        _site.Doc("page.md", "# Page\n");
        var reported = await Reported(() =>
        {
            var hidden = Docs(".page.md.swp");
            File.WriteAllText(hidden, "# Page, saved\n");
            File.Move(hidden, Docs("page.md"), overwrite: true);
        });
        Assert.Equal([Docs("page.md")], reported);
    }

    [Fact]
    public async Task ASaveThatMovesTheDocumentAsideAsABackup_IsTheDocumentAlone()
    {
        _site.Doc("page.md", "# Page\n");
        var reported = await Reported(() =>
        {
            File.Move(Docs("page.md"), Docs("page.md~"));
            File.WriteAllText(Docs("page.md"), "# Page, saved\n");
            File.Delete(Docs("page.md~"));
        });
        Assert.Equal([Docs("page.md")], reported);
    }

    [Fact]
    public async Task AFileRemoved_OrOneLeftBehind_IsReported()
    {
        _site.Doc("gone.md", "# Gone\n");
        var reported = await Reported(() =>
        {
            File.Delete(Docs("gone.md"));
            File.WriteAllText(Docs("new.md"), "# New\n");
        });
        Assert.Equal([Docs("gone.md"), Docs("new.md")], reported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFileBuildsWriteThemselves_IsNoChange()
    {
        var ledger = Path.Combine(_site.Root, "verified.json");
        var reported = await Reported(() =>
        {
            File.WriteAllText(ledger, "{}\n");
            _site.Doc("page.md", "# Page\n");
        }, new HashSet<string> { ledger });
        Assert.Equal([Docs("page.md")], reported);
    }
}
