namespace Errata.Site.Output;

/// <summary>
/// Writes a site into a temporary folder beside the output and swaps it into place only
/// when complete, so a failed build leaves the previous site untouched. The staging folder
/// holds <see cref="OutputMarker"/> from the start, so every output and every leftover of a
/// killed build is recognisably Errata's; whether the output may be replaced at all is
/// <see cref="OutputGuard"/>'s decision, made before a writer is created.
/// </summary>
public sealed class SiteWriter : IDisposable
{
    private readonly string _output;
    private bool _committed;

    public SiteWriter(string output)
    {
        _output = Path.GetFullPath(output);
        var parent = Path.GetDirectoryName(_output)!;
        Directory.CreateDirectory(parent);
        StagingFolders.RemoveAbandoned(_output);
        Staging = Path.Combine(parent, StagingFolders.NameFor(_output, Environment.ProcessId, Guid.NewGuid()));
        Directory.CreateDirectory(Staging);
        OutputMarker.Write(Staging);
    }

    public string Staging { get; }

    public void WriteText(string relativePath, string content)
    {
        var path = Path.Combine(Staging, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Staging, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>
    /// Replaces the output folder with the staged one: an empty one is removed, any other is
    /// moved aside first (so it, too, carries the staging name and the marker), then removed.
    /// </summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(_output) && !Directory.EnumerateFileSystemEntries(_output).Any())
            Directory.Delete(_output);
        else if (Directory.Exists(_output))
        {
            old = Staging + StagingFolders.OldSuffix;
            Directory.Move(_output, old);
        }
        Directory.Move(Staging, _output);
        _committed = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
