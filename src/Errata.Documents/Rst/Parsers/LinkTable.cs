using System.Text;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Hyperlink targets by name, and anonymous targets in document order. Blocks are read
/// before inline text, so every target is known when references are resolved; a name
/// with no explicit target points at the section or inline target of that name.
/// </summary>
internal sealed class LinkTable
{
    private readonly Dictionary<string, string> _named = [];
    private readonly List<string> _anonymous = [];
    private int _nextAnonymous;

    /// <summary>docutils' normalize_name: whitespace collapsed, lower case.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var part in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(part);
        }
        return sb.ToString().ToLowerInvariant();
    }

    /// <summary>Defines a name; a value ending in an unescaped '_' names another target (indirect target).</summary>
    public void Define(string name, string url) => _named.TryAdd(Normalize(name), url);

    public void DefineAnonymous(string url) => _anonymous.Add(url);

    public string Resolve(string name)
    {
        var key = Normalize(name);
        for (var hops = 0; hops < 16 && _named.TryGetValue(key, out var url); hops++)
        {
            if (!IsIndirect(url)) return url;
            key = Normalize(url[..^1]);
        }
        return "#" + Slug.Make(key);
    }

    public string NextAnonymous()
    {
        if (_nextAnonymous >= _anonymous.Count) return "#";
        var url = _anonymous[_nextAnonymous++];
        return IsIndirect(url) ? Resolve(url[..^1]) : url;
    }

    private static bool IsIndirect(string url) => url.EndsWith('_') && !url.EndsWith("\\_") && !url.Contains(':');
}
