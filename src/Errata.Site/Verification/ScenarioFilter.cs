using System.Text;
using System.Text.RegularExpressions;

namespace Errata.Site.Verification;

/// <summary>
/// Which scenarios `check` verifies: those in documents matching any <see cref="Paths"/> (a glob,
/// or a folder or file prefix, against the path in the source folder or as given from the working
/// folder), named by any of <see cref="Names"/> (a glob: `*`, `?`), and in <see cref="Shard"/>.
/// An empty list does not filter. Every document is still read, so bad input anywhere is reported.
/// </summary>
public sealed record ScenarioFilter
{
    public IReadOnlyList<string> Paths { get; init; } = [];
    public IReadOnlyList<string> Names { get; init; } = [];
    public Shard? Shard { get; init; }

    public static readonly ScenarioFilter None = new();

    /// <summary>Whether the filter names anything (a shard does not: an empty shard is no mistake).</summary>
    public bool Narrows => Paths.Count > 0 || Names.Count > 0;

    public bool Matches(string relativePath, string displayPath, string name) =>
        (Paths.Count == 0 || Paths.Any(p => PathMatches(p, relativePath) || PathMatches(p, displayPath)))
        && (Names.Count == 0 || Names.Any(n => Glob(n, '\0').IsMatch(name)));

    public bool InShard(string relativePath, string name) => Shard is null || Shard.Includes(relativePath, name);

    private static bool PathMatches(string pattern, string path)
    {
        path = path.Replace('\\', '/');
        var p = pattern.Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        if (path == p || path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal)) return true;
        return Glob(p, '/').IsMatch(path);
    }

    /// <summary>`**` is any text, `*` any text without <paramref name="separator"/>, `?` one such character.</summary>
    private static Regex Glob(string pattern, char separator)
    {
        var notSeparator = separator == '\0' ? "." : "[^" + Regex.Escape(separator.ToString()) + "]";
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // `**/` also matches no folder at all.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append(notSeparator).Append('*');
            else if (c == '?') sb.Append(notSeparator);
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
