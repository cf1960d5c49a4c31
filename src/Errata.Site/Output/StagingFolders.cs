using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Errata.Site.Output;

/// <summary>
/// The folders a build stages its site in, beside the output: <c>.{output}.tmp-{pid}-{guid}</c>,
/// and the same name with <c>.old</c> for the previous site while it is swapped out. A build
/// that was killed leaves them behind; the next build removes those, and only those.
/// </summary>
public static class StagingFolders
{
    public const string OldSuffix = ".old";

    public static string NameFor(string output, int processId, Guid id) =>
        $".{Path.GetFileName(output)}.tmp-{processId}-{id:N}";

    /// <summary>
    /// Removes the staging folders of builds that died: a folder (not a link) named exactly as
    /// <see cref="NameFor"/> names them, holding <see cref="OutputMarker"/>, whose process is
    /// no longer running. A live process's staging is its own business; a recycled process id
    /// only makes a leftover wait for a later build.
    /// </summary>
    public static IReadOnlyList<string> RemoveAbandoned(string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        var removed = new List<string>();
        if (!Directory.Exists(parent)) return removed;
        var pattern = new Regex($@"^\.{Regex.Escape(Path.GetFileName(output))}\.tmp-(?<pid>[0-9]{{1,10}})-[0-9a-f]{{32}}(?:{Regex.Escape(OldSuffix)})?$", RegexOptions.CultureInvariant);
        foreach (var folder in new DirectoryInfo(parent).EnumerateDirectories(".*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            var match = pattern.Match(folder.Name);
            if (!match.Success || folder.LinkTarget is not null || !OutputMarker.IsIn(folder.FullName)) continue;
            if (!int.TryParse(match.Groups["pid"].Value, out var pid) || IsRunning(pid)) continue;
            try
            {
                folder.Delete(recursive: true);
                removed.Add(folder.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another build removing the same leftover, or a file we may not delete: it stays, harmlessly.
            }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Running, but not ours to inspect.
            return true;
        }
    }
}
