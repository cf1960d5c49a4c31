using Errata.Diagnostics;
using Errata.Documents.Syntax;
using System.Text;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Hyperlink targets by name, and anonymous targets in document order. Blocks are read
/// before inline text, so every target is known when references are resolved; a name
/// with no explicit target points at the section or inline target of that name.
/// </summary>
internal sealed class LinkTable
{
    private readonly Dictionary<string, string> _named = [];
    private readonly HashSet<string> _duplicates = [];
    private readonly HashSet<string> _implicit = [];
    private readonly List<(string Name, SourceSpan At)> _references = [];
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
    public void Define(string name, string url)
    {
        var key = Normalize(name);
        if (_implicit.Remove(key))
        {
            _named[key] = url;
            _duplicates.Remove(key);
            return;
        }
        // Two internal targets of one name are ambiguous even though their anchors coincide.
        if (!_named.TryAdd(key, url) && (_named[key] != url || url.StartsWith('#'))) _duplicates.Add(key);
    }

    /// <summary>A name a section title or inline target gives: explicit targets of the same name win; two implicit ones are ambiguous.</summary>
    public void DefineImplicit(string name, string url)
    {
        var key = Normalize(name);
        if (_named.TryAdd(key, url)) _implicit.Add(key);
        else if (_implicit.Contains(key)) _duplicates.Add(key);
    }

    /// <summary>Resolves a reference and remembers it, so <see cref="Problems"/> can report names without a target.</summary>
    public string Resolve(string name, SourceSpan at)
    {
        _references.Add((Normalize(name), at));
        return Resolve(name);
    }

    /// <summary>docutils' reference errors, once all targets are known: unknown and ambiguous names.</summary>
    public IEnumerable<(SourceSpan At, DiagnosticDescriptor Problem, string Name)> Problems()
    {
        foreach (var (name, at) in _references)
        {
            if (_duplicates.Contains(name)) yield return (at, RstMarkupErrors.DuplicateTargetName, name);
            else if (!_named.ContainsKey(name)) yield return (at, RstMarkupErrors.UnknownTargetName, name);
        }
    }

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
