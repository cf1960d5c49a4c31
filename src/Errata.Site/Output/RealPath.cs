namespace Errata.Site.Output;

/// <summary>
/// A path with every symbolic link along it resolved, as POSIX realpath(3) resolves it,
/// so that two names of one folder compare equal. Parts that do not exist yet are kept
/// as written: a new output folder has no link to follow.
/// </summary>
public static class RealPath
{
    /// <summary>More links than Linux follows in one lookup (MAXSYMLINKS is 40) means a loop.</summary>
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        // Parts still to walk, the next one on top; a link's target is pushed in its place.
        var pending = new Stack<string>(Parts(full[current.Length..]).Reverse());
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
            var target = new FileInfo(next).LinkTarget;
            if (target is null || ++links > MaxLinks)
            {
                current = next;
                continue;
            }
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target)!;
            foreach (var p in Parts(Path.IsPathRooted(target) ? target[current.Length..] : target).Reverse()) pending.Push(p);
        }
        return current;
    }

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies below it; both real paths.</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        var relative = Path.GetRelativePath(outer, inner);
        return relative == "." || !(relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    private static string[] Parts(string path) => path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
