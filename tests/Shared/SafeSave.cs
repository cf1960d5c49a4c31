namespace Errata.Testing;

/// <summary>
/// Saves a file as an editor's safe write does: a hidden file beside it, renamed over it. A
/// server watching sees one change, whole. A write in place is two (the file emptied, then
/// written), which a loaded machine can space far enough apart that each is built on its own:
/// tests that count rebuilds, or read the page right after the first, save this way.
/// </summary>
internal static class SafeSave
{
    public static void Write(string path, string text)
    {
        File.WriteAllText(Hidden(path), text);
        File.Move(Hidden(path), path, overwrite: true);
    }

    public static async Task WriteAsync(string path, string text)
    {
        await File.WriteAllTextAsync(Hidden(path), text);
        File.Move(Hidden(path), path, overwrite: true);
    }

    // Hidden: the watcher ignores it, so the rename is the only change it reports.
    private static string Hidden(string path) => Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".saving");
}
