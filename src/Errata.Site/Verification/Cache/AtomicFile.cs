namespace Errata.Site.Verification.Cache;

/// <summary>Writes a file whole or not at all, as the verdict cache needs.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// A temporary file of this process renamed over the file: a reader, in this process or
    /// another, sees the old file or the new one, never half of one. The temporary file is
    /// removed if the rename fails; nothing else is ever deleted.
    /// </summary>
    public static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
