namespace Errata.Site.Serving;

/// <summary>
/// Watches a site's folder and calls back, with the paths that changed, once a burst of
/// changes has settled, ignoring the output folder (a build writing there must not trigger
/// another build) and hidden files. The settle time is short: an editor's save is a burst of
/// a few milliseconds, and the author is waiting for the page.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(30);

    private readonly FileSystemWatcher _watcher;
    private readonly string _output;
    private readonly Timer _timer;
    private readonly Action<IReadOnlyCollection<string>> _changed;
    private HashSet<string> _pending = new(StringComparer.Ordinal);

    public SourceWatcher(string root, string output, Action<IReadOnlyCollection<string>> changed)
    {
        _output = Path.GetFullPath(output);
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
        var name = Path.GetFileName(path);
        if (path.StartsWith(_output, StringComparison.Ordinal) || name.StartsWith('.') || path.Contains($"{Path.DirectorySeparatorChar}.", StringComparison.Ordinal))
            return;
        // A folder's own change event only says something inside it changed, which has its own event.
        if (e.ChangeType == WatcherChangeTypes.Changed && Directory.Exists(path)) return;
        lock (_timer)
        {
            _pending.Add(path);
            // A renamed file is gone from its old name: whatever held it must rebuild too.
            if (e is RenamedEventArgs renamed) _pending.Add(Path.GetFullPath(renamed.OldFullPath));
            _timer.Change(Settle, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        HashSet<string> changed;
        lock (_timer)
        {
            changed = _pending;
            _pending = new HashSet<string>(StringComparer.Ordinal);
        }
        if (changed.Count > 0) _changed(changed);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
