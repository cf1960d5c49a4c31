using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Rendering;

namespace Errata.Site.Serving;

/// <summary>
/// `errata serve`: builds the site, serves the output on 127.0.0.1 (and as localhost),
/// rebuilds when a source, template or the config changes (a saved document alone: only
/// what depends on it, <see cref="SiteUpdate"/>), and has open pages show each change: each
/// waits until a publication replaces its file (<see cref="Publications"/>), the edited page
/// as soon as it is written, before the site-wide files follow, and then fetches itself and
/// swaps in what changed (live-update.js). Only loopback is ever bound: this is an author's
/// preview, not a web server.
/// </summary>
public sealed class DevServer : IDisposable
{
    private const string LiveUpdatePath = "/__errata/live-update.js";
    private const string VersionPath = "/__errata/version";

    private readonly BuildOptions _options;
    private readonly HttpListener _listener = new();
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly TextWriter _log;
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(25);

    private readonly Publications _publications = new();
    // Set when a save arrives, so that the rebuild running stops after publishing its changed pages.
    private CancellationTokenSource _superseded = new();
    private int _waiting;
    // The pages just published that an open page is fetching again: the rest of the rebuild waits (briefly) until they are served.
    private volatile AwaitedPages? _awaited;
    private static readonly TimeSpan ServedGrace = TimeSpan.FromMilliseconds(250);
    private SiteSnapshot? _snapshot;
    private string? _output;
    // The diagnostics of the last build while none has succeeded yet: every page shows them.
    private IReadOnlyList<Diagnostic>? _firstBuildFailed;
    private readonly bool _localhost;

    public DevServer(BuildOptions options, int port, TextWriter log)
    {
        _options = options;
        _log = log;
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        // HttpListener matches a request's Host header against its prefixes, so a page opened
        // as localhost needs its own prefix; it binds the address localhost resolves to, which
        // must be loopback too.
        _localhost = LocalhostIsLoopback();
        if (_localhost) _listener.Prefixes.Add($"http://localhost:{port}/");
    }

    public int Port { get; }

    /// <summary>Where to write how long each build took, from the first change seen to the changed pages and to every file in place (`--timings`); null: nowhere.</summary>
    public TextWriter? Timings { get; init; }

    /// <summary>How many publications there have been (a build: one; a rebuild: its changed pages, then the rest).</summary>
    public int Version => _publications.Version;

    /// <summary>
    /// Takes the port, before any build, so a port in use is reported at once; null when
    /// listening, otherwise the one diagnostic saying why not.
    /// </summary>
    public Diagnostic? Start()
    {
        if (_listener.IsListening) return null;
        try
        {
            _listener.Start();
            return null;
        }
        catch (HttpListenerException e)
        {
            return SiteErrors.CannotListen.At(SourceSpan.None("127.0.0.1"), "127.0.0.1", Port, e.Message);
        }
    }

    /// <summary>Listens (see <see cref="Start"/>), builds once, then serves and rebuilds on change until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        if (Start() is { } error) throw new InvalidOperationException(error.Message);
        await RebuildAsync().ConfigureAwait(false);
        _log.WriteLine($"serving http://127.0.0.1:{Port}/{(_localhost ? $" and http://localhost:{Port}/" : "")} (Ctrl+C stops)");
        var rebuilds = new System.Collections.Concurrent.ConcurrentDictionary<Task, bool>();
        var root = Path.GetDirectoryName(Path.GetFullPath(_options.ConfigPath))!;
        // verified.json records the dates builds showed: each rebuild may write it, and it is no source.
        var written = new HashSet<string>(StringComparer.Ordinal) { Path.Combine(root, Verification.VerificationLedger.FileName) };
        var watcher = new SourceWatcher(root, Output(), (changed, firstSeen) =>
        {
            var rebuild = RebuildOnSave(changed, firstSeen);
            rebuilds[rebuild] = true;
            rebuild.ContinueWith(done => rebuilds.TryRemove(done, out _), TaskScheduler.Default);
        }, written);
        using var registration = cancel.Register(() => _listener.Stop());
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    break;
                }
                _ = Task.Run(() => RespondAsync(context), CancellationToken.None);
            }
        }
        finally
        {
            // Stopped: no further save starts a rebuild, and none still running outlives the server.
            watcher.Dispose();
            await Volatile.Read(ref _superseded).CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(rebuilds.Keys).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the whole site, or, given the files that changed since the last good build, what depends on them.</summary>
    /// <param name="firstSeen">The <see cref="Stopwatch"/> timestamp of the first change, for <see cref="Timings"/>.</param>
    public async Task RebuildAsync(IReadOnlyCollection<string>? changed = null, long? firstSeen = null)
    {
        var settled = Stopwatch.GetTimestamp();
        // The rebuild running (if any) leaves what it has not written to this one.
        Interlocked.Increment(ref _waiting);
        await Volatile.Read(ref _superseded).CancelAsync().ConfigureAwait(false);
        await _building.WaitAsync().ConfigureAwait(false);
        Interlocked.Decrement(ref _waiting);
        try
        {
            // Never disposed: a later save may still cancel it; it holds no timer.
            var superseded = new CancellationTokenSource();
            Volatile.Write(ref _superseded, superseded);
            // A save already waiting supersedes this rebuild as soon as its changed pages are in place.
            if (Volatile.Read(ref _waiting) > 0) await superseded.CancelAsync().ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            var from = firstSeen ?? settled;
            TimeSpan? shown = null;
            void Published(IReadOnlyCollection<string>? files)
            {
                var first = shown is null;
                shown ??= Stopwatch.GetElapsedTime(from);
                var awaited = first && files is not null && _publications.Awaited(files) ? new AwaitedPages(files) : null;
                _awaited = awaited;
                _publications.Publish(files);
                // The rest of the rebuild would take the processor from the page fetching itself now: it waits until the page is served.
                if (awaited is not null)
                {
                    try
                    {
                        awaited.Served.Task.Wait(ServedGrace, superseded.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The next save is waiting: it goes first.
                    }
                }
                _awaited = null;
            }
            // On a thread of its own: the pool stays free to answer the page that is about to fetch itself.
            var result = await Task.Factory.StartNew(
                () => _snapshot is { } last && changed is not null ? SiteUpdate.Rebuild(last, changed, Published, superseded.Token) : SiteBuilder.Build(_options),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            foreach (var d in result.Diagnostics) _log.WriteLine(d);
            if (result.OutputFolder is { } folder) _output = folder;
            if (result.Snapshot is { } snapshot) _snapshot = snapshot;
            _firstBuildFailed = _output is null ? result.Diagnostics : null;
            // A full build, or a rebuild that failed after publishing pages (they are back as they were): any open page may differ.
            if (shown is null || result.OutputFolder is null) Published(null);
            _log.WriteLine(result.Outcome.Summary);
            _log.WriteLine(result.OutputFolder is null ? "build failed; still serving the previous site"
                : $"built {result.Rendered ?? result.Documents.Count} of {result.Documents.Count} page(s) in {result.Timings.Total.TotalMilliseconds:0} ms");
            // A rebuild that failed must not leave what an earlier, superseded one owed unwritten.
            if (result.OutputFolder is null && _snapshot is { } good && SiteUpdate.Settle(good, Published, superseded.Token) is { } settle)
            {
                foreach (var d in settle.Diagnostics.Except(good.Diagnostics)) _log.WriteLine(d);
                if (settle.Snapshot is { } whole) _snapshot = whole;
            }
            Timings?.WriteLine($"timings: settle {Ms(settled - from)}, waited {Ms(started - settled)} for the previous build, read {Ms(result.Timings.Read)}, verify {Ms(result.Timings.Verify)}, " +
                $"changed page(s) in place after {Ms(shown!.Value)}, " +
                (_snapshot?.Owed is null ? $"every file after {Ms(Stopwatch.GetElapsedTime(from))}" : "the rest left to the next save") + " (from the first change seen)");
        }
        finally
        {
            _building.Release();
        }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Ms(long ticks) => Ms(Stopwatch.GetElapsedTime(0, ticks));

    /// <summary>A rebuild nobody awaits: an internal error is logged, and the last good site stays served.</summary>
    private async Task RebuildOnSave(IReadOnlyCollection<string> changed, long firstSeen)
    {
        try
        {
            await RebuildAsync(changed, firstSeen).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _publications.Publish(null);
            _log.WriteLine($"errata: internal error: {InternalFault.Describe(e)}; still serving the previous site");
        }
    }

    /// <summary>The folder the last good build wrote, or where the default config would write.</summary>
    private string Output() => _output ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_options.ConfigPath))!, _options.Output ?? new Config.SiteConfig().Output));

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        if (RequestPath.Parse(context.Request.RawUrl) is not { } path)
        {
            response.StatusCode = 400;
            Write(response, "text/plain", "bad request: expected a path of percent-encoded UTF-8 without '.' or '..' segments"u8.ToArray());
            return;
        }
        if (path == VersionPath)
        {
            // `?after=N` waits (up to LongestWait) for a publication after N, one that replaced the
            // file `&page=` serves when given: the page learns at once, and only when it changed.
            var version = Version;
            if (int.TryParse(context.Request.QueryString["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after))
                version = await _publications.WaitAsync(after, OutputFileOf(context.Request.QueryString["page"]), LongestWait).ConfigureAwait(false);
            Write(response, "text/plain", Encoding.UTF8.GetBytes(version.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        if (path == LiveUpdatePath)
        {
            Write(response, "text/javascript", LiveUpdateScript.Value);
            return;
        }
        // Read before the page: a publication after this version is one the page has not seen.
        var served = Version;
        if (_output is null && _firstBuildFailed is { } diagnostics)
        {
            // 503: there is no site to serve until the errors are fixed; the page says which.
            response.StatusCode = 503;
            Write(response, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(InjectLiveUpdate(BuildErrorPage.Render(diagnostics), served)));
            return;
        }
        if (_output is null || StaticFiles.Resolve(_output, path) is not { } file)
        {
            response.StatusCode = 404;
            Write(response, "text/plain", "not found"u8.ToArray());
            return;
        }
        var bytes = File.ReadAllBytes(file);
        var type = StaticFiles.ContentType(file);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
            bytes = Encoding.UTF8.GetBytes(InjectLiveUpdate(Encoding.UTF8.GetString(bytes), served));
        Write(response, type, bytes);
        _awaited?.WasServed(Publications.Normalize(Path.GetRelativePath(_output, file)));
    }

    /// <summary>The output file a page's path is served from, relative to the output; null when none is (any publication concerns it).</summary>
    private string? OutputFileOf(string? page)
    {
        if (_output is null || RequestPath.Parse(page) is not { } path || StaticFiles.Resolve(_output, path) is not { } file) return null;
        return Publications.Normalize(Path.GetRelativePath(_output, file));
    }

    /// <summary>
    /// Served pages wait for a publication of their file after the version they were served at,
    /// and show it then; the written site has no such script.
    /// </summary>
    private static string InjectLiveUpdate(string html, int version)
    {
        var tag = $"<script src=\"{LiveUpdatePath}\" data-version=\"{version.ToString(CultureInfo.InvariantCulture)}\"></script>";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + tag : html.Insert(end, tag);
    }

    /// <summary>The script served pages wait with and show a save through (live-update.js, built into the tool).</summary>
    private static readonly Lazy<byte[]> LiveUpdateScript = new(() => ThemeFiles.ReadResource("serving/live-update.js"));

    private static void Write(HttpListenerResponse response, string type, byte[] body)
    {
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        response.Headers["Cache-Control"] = "no-store";
        response.OutputStream.Write(body);
    }

    /// <summary>Pages published while an open page waits for them, until that page has been served again (fetched, or reloaded).</summary>
    private sealed class AwaitedPages(IReadOnlyCollection<string> files)
    {
        private readonly HashSet<string> _files = files.Select(Publications.Normalize).ToHashSet(StringComparer.Ordinal);

        public TaskCompletionSource Served { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void WasServed(string file)
        {
            if (_files.Contains(file)) Served.TrySetResult();
        }
    }

    private static bool LocalhostIsLoopback()
    {
        try
        {
            var addresses = Dns.GetHostAddresses("localhost");
            return addresses.Length > 0 && addresses.All(IPAddress.IsLoopback);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _building.Dispose();
    }
}
