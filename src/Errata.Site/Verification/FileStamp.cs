namespace Errata.Site.Verification;

/// <summary>
/// A file's length and last write time: what `serve` compares to know that a file it read for
/// the previous rebuild (verified.json, the verdict cache) is still as it was, and need not be
/// read again. Taken before reading, so a write during the read makes the next stamp differ.
/// </summary>
internal readonly record struct FileStamp(long Length, DateTime Written)
{
    /// <summary>The file's stamp now; null when there is no such file.</summary>
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
