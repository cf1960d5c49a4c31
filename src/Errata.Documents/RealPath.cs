namespace Errata.Documents;

/// <summary>
/// Real paths with POSIX realpath semantics: every symbolic link along the path is followed
/// and ".." applies to the real folder, so a link cannot carry a path out of the source folder
/// while the path still looks inside it.
/// </summary>
public static class RealPath
{
    /// <summary>Links one path may go through before it counts as a loop (Linux's MAXSYMLINKS).</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = ['/', Path.DirectorySeparatorChar];

    /// <summary>
    /// The real, absolute path of <paramref name="path"/> (relative to the working folder), or
    /// null when its links form a loop. Parts that do not exist are kept as written.
    /// </summary>
    public static string? Resolve(string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full[current.Length..]));
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return null;
            // A relative target is read from the link's folder, which is where we stand.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }
            foreach (var p in Parts(target)) pending.Push(p);
        }
        return current;
    }

    /// <summary>
    /// The real path of <paramref name="path"/>, or its plain full path when its links loop:
    /// for comparing folders, where a loop simply stops being followed.
    /// </summary>
    public static string Of(string path) => Resolve(path) ?? Path.GetFullPath(path);

    /// <summary>Whether real path <paramref name="path"/> is <paramref name="root"/> or lies below it (both real).</summary>
    public static bool IsInside(string root, string path)
    {
        var folder = root.TrimEnd(Separators);
        return path == root || path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The parts of a path, last first, ready to be pushed in reverse order.</summary>
    private static IEnumerable<string> Parts(string path) =>
        path.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse();

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
