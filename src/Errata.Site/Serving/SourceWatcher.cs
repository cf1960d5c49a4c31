namespace Errata.Site.Serving;

/// <summary>
/// Watches a site's folder and calls back once a burst of changes has settled, ignoring
/// the output folder (a build writing there must not trigger another build).
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);

    private readonly FileSystemWatcher _watcher;
    private readonly string _output;
    private readonly Timer _timer;

    public SourceWatcher(string root, string output, Action changed)
    {
        _output = Path.GetFullPath(output);
        _timer = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
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
        _timer.Change(Settle, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
