namespace Errata.Site.Serving;

/// <summary>
/// What `serve` has put in place, in order: each publication (a rebuild's changed pages, then
/// the rest of what it changed; a full build: everything) moves the version by one and names
/// the output files it replaced. An open page waits for a publication that replaced its own
/// file, so the page being edited shows the save as soon as it is written, and a page the
/// save did not change does nothing at all.
/// </summary>
public sealed class Publications
{
    // Enough for any page that is polling; one that fell further behind simply reloads.
    private const int Kept = 256;

    private readonly Lock _lock = new();
    private readonly Queue<(int Version, HashSet<string>? Files)> _recent = new();
    private int _version;
    // Open pages waiting, by the file they show (null: any).
    private readonly Dictionary<string, int> _waiting = new(StringComparer.Ordinal);
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Version => Volatile.Read(ref _version);

    /// <param name="files">Output-relative paths, '/'-separated; null: every file may have changed.</param>
    public void Publish(IReadOnlyCollection<string>? files)
    {
        TaskCompletionSource published;
        lock (_lock)
        {
            _version++;
            _recent.Enqueue((_version, files?.Select(Normalize).ToHashSet(StringComparer.Ordinal)));
            if (_recent.Count > Kept) _recent.Dequeue();
            published = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        published.TrySetResult();
    }

    /// <summary>
    /// Waits (up to <paramref name="longest"/>) until a publication after version
    /// <paramref name="after"/> concerns <paramref name="file"/> (null: any publication);
    /// returns the current version then, or <paramref name="after"/> when none did.
    /// </summary>
    public async Task<int> WaitAsync(int after, string? file, TimeSpan longest)
    {
        var deadline = Task.Delay(longest);
        var key = file ?? "";
        lock (_lock) _waiting[key] = _waiting.GetValueOrDefault(key) + 1;
        try
        {
            while (true)
            {
                Task next;
                lock (_lock)
                {
                    if (Concerns(after, file)) return _version;
                    next = _next.Task;
                }
                if (await Task.WhenAny(next, deadline).ConfigureAwait(false) == deadline)
                    lock (_lock) return Concerns(after, file) ? _version : after;
            }
        }
        finally
        {
            lock (_lock)
                if (--_waiting[key] == 0) _waiting.Remove(key);
        }
    }

    /// <summary>Whether an open page showing one of <paramref name="files"/> is waiting (and so about to reload once they are published).</summary>
    public bool Awaited(IEnumerable<string> files)
    {
        lock (_lock) return files.Any(f => _waiting.ContainsKey(Normalize(f)));
    }

    public static string Normalize(string relativePath) => relativePath.Replace('\\', '/');

    private bool Concerns(int after, string? file)
    {
        if (after == _version) return false;
        // A version this server never had (a page from an earlier run), or one older than what is kept: reload.
        if (after > _version || _recent.Count == 0 || _recent.Peek().Version > after + 1) return true;
        return _recent.Any(r => r.Version > after && (file is null || r.Files is null || r.Files.Contains(file)));
    }
}
