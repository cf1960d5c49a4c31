using System.Diagnostics;

namespace Errata.Site.Serving;

/// <summary>
/// Watches a site's folder and calls back, with the paths that changed, once a burst of
/// changes has settled, ignoring the output folder and the other files builds write (a build
/// writing there must not trigger another build) and hidden files. The settle time is short: an editor's save is a burst of
/// a few milliseconds, and the author is waiting for the page. An editor that saves through
/// another file (written beside the document, or the document moved aside as a backup, then
/// renamed into place and the rest removed) makes files that appear and vanish within the
/// burst: those changed nothing the site reads, so only the document is reported.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(30);

    private readonly FileSystemWatcher _watcher;
    private readonly string _output;
    private readonly IReadOnlySet<string> _written;
    private readonly Timer _timer;
    private readonly Action<IReadOnlyCollection<string>, long> _changed;
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    // Paths the burst created (or renamed something to): gone again at its end, they were an editor's scratch.
    private HashSet<string> _appeared = new(StringComparer.Ordinal);
    private long _firstSeen;
    private bool _disposed;

    /// <param name="changed">Called with the paths and the <see cref="Stopwatch"/> timestamp of the burst's first change.</param>
    /// <param name="written">Files outside the output that builds write themselves (full paths): not changes.</param>
    public SourceWatcher(string root, string output, Action<IReadOnlyCollection<string>, long> changed, IReadOnlySet<string>? written = null)
    {
        _output = Path.GetFullPath(output);
        _written = written ?? new HashSet<string>();
        _changed = changed;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var path = Path.GetFullPath(e.FullPath);
        if (Ignored(path)) return;
        // A folder's own change event only says something inside it changed, which has its own event.
        if (e.ChangeType == WatcherChangeTypes.Changed && Directory.Exists(path)) return;
        lock (_timer)
        {
            if (_pending.Count == 0) _firstSeen = Stopwatch.GetTimestamp();
            _pending.Add(path);
            if (e.ChangeType is WatcherChangeTypes.Created or WatcherChangeTypes.Renamed) _appeared.Add(path);
            // A renamed file is gone from its old name: whatever held it must rebuild too (unless
            // nothing read it: an editor's hidden scratch file renamed over the document).
            if (e is RenamedEventArgs renamed && Path.GetFullPath(renamed.OldFullPath) is var old && !Ignored(old)) _pending.Add(old);
            _timer.Change(Settle, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>In the output, written by builds, or hidden (or inside a hidden folder).</summary>
    private bool Ignored(string path) =>
        path.StartsWith(_output, StringComparison.Ordinal) || _written.Contains(path) || Path.GetFileName(path).StartsWith('.')
        || path.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal);

    private void Flush()
    {
        // Called under the lock, so that once disposed no call is made: the callback only starts a rebuild.
        lock (_timer)
        {
            var changed = _pending;
            changed.RemoveWhere(p => _appeared.Contains(p) && !File.Exists(p) && !Directory.Exists(p));
            _pending = new HashSet<string>(StringComparer.Ordinal);
            _appeared = new HashSet<string>(StringComparer.Ordinal);
            if (changed.Count > 0 && !_disposed) _changed(changed, _firstSeen);
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        lock (_timer)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }
}
