using System.Text;

namespace Errata.Documents.Syntax;

/// <summary>Anchor ids from titles: lower case, words joined by '-', made unique per document.</summary>
public sealed class Slug
{
    private readonly HashSet<string> _used = [];

    public string Unique(string title)
    {
        var baseId = Make(title);
        var id = baseId;
        for (var n = 1; !_used.Add(id); n++) id = $"{baseId}-{n}";
        return id;
    }

    public static string Make(string title)
    {
        var sb = new StringBuilder();
        var dash = false;
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) { sb.Append(c); dash = false; }
            else if (sb.Length > 0 && !dash) { sb.Append('-'); dash = true; }
        }
        var s = sb.ToString().TrimEnd('-');
        return s.Length == 0 ? "section" : s;
    }

    public static string PlainText(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var node in inlines.SelectMany(NodeWalker.Descendants))
        {
            switch (node)
            {
                case Text t: sb.Append(t.Value); break;
                case Code c: sb.Append(c.Value); break;
                case LineBreak: sb.Append(' '); break;
            }
        }
        return sb.ToString();
    }
}
