namespace Errata.Site.Building;

/// <summary>
/// Replaces files of the served output one at a time, each written beside its place and
/// renamed over it, so a reader never sees half a file. It keeps what each file held before,
/// so that a rebuild failing after some files are in place can put the previous site back.
/// </summary>
public sealed class SiteUpdateWriter(string output)
{
    // Null: the file did not exist before this rebuild.
    private readonly Dictionary<string, byte[]?> _previous = new(StringComparer.Ordinal);

    /// <summary>The output-relative paths written so far, in order.</summary>
    public List<string> Written { get; } = [];

    /// <summary>Safe from several threads: pages render in parallel.</summary>
    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(output, relativePath);
        var before = File.Exists(path) ? File.ReadAllBytes(path) : null;
        lock (_previous)
        {
            if (!_previous.TryAdd(relativePath, before)) before = null;
            Written.Add(relativePath);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Replace(path, System.Text.Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Puts back every file as it was before the first write.</summary>
    public void Restore()
    {
        foreach (var (relative, before) in _previous)
        {
            var path = Path.Combine(output, relative);
            if (before is null) File.Delete(path);
            else Replace(path, before);
        }
    }

    private static void Replace(string path, byte[] content)
    {
        var temporary = $"{path}.errata-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
