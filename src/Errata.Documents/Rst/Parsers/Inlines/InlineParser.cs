using System.Text;
using System.Text.RegularExpressions;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>
/// Inline markup, recognised as docutils' Inliner does: one scan for start-strings, each
/// construct searching its own end-string in the rest of the text, no nesting, and
/// standalone URIs found in the plain text between constructs.
/// </summary>
internal sealed class InlineParser(RstContext context)
{
    public List<Inline> Parse(IReadOnlyList<RstLine> lines) => Parse(lines, -1);

    /// <param name="length">How much of the joined text to read (a paragraph's trailing <c>::</c> is not text), or -1 for all.</param>
    public List<Inline> Parse(IReadOnlyList<RstLine> lines, int length)
    {
        var joined = Join(lines);
        if (length >= 0 && length < joined.Length) joined = joined[..length];
        var run = new InlineRun(context, lines, Escapes.ToNull(joined));
        return run.Parse();
    }

    public static string Join(IReadOnlyList<RstLine> lines)
    {
        if (lines.Count == 1) return lines[0].Text;
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(lines[i].Text);
        }
        return sb.ToString();
    }
}

/// <summary>One text being parsed: the escaped string and where each of its offsets lies in the source.</summary>
internal sealed class InlineRun
{
    private readonly RstContext _context;
    private readonly IReadOnlyList<RstLine> _lines;
    private readonly int[] _lineStarts;
    private readonly string _s;
    private readonly List<Inline> _out = [];
    private int _slice; // where docutils' current remaining string starts

    public InlineRun(RstContext context, IReadOnlyList<RstLine> lines, string escaped)
    {
        _context = context;
        _lines = lines;
        _s = escaped;
        _lineStarts = new int[Math.Max(1, lines.Count)];
        var offset = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            _lineStarts[i] = offset;
            offset += lines[i].Text.Length + 1;
        }
    }

    public List<Inline> Parse()
    {
        var pos = 0;
        var pending = 0; // start of text not yet turned into nodes
        while (pos < _s.Length)
        {
            _slice = pos;
            var m = InlinePatterns.Initial().Match(_s, pos, _s.Length - pos);
            if (!m.Success) break;
            var (nodeStart, nodes, next) = Dispatch(m);
            if (nodes is null)
            {
                pos = next;
                continue;
            }
            Implicit(pending, nodeStart);
            _out.AddRange(nodes);
            pending = pos = next;
        }
        Implicit(pending, _s.Length);
        return _out;
    }

    private (int Start, List<Inline>? Nodes, int Next) Dispatch(Match m)
    {
        if (m.Groups["start"].Success)
        {
            return m.Groups["start"].Value switch
            {
                "**" => Simple(m, InlinePatterns.StrongEnd(), "strong"),
                "*" => Simple(m, InlinePatterns.EmphasisEnd(), "emphasis"),
                "``" => Simple(m, InlinePatterns.LiteralEnd(), "literal"),
                "_`" => Simple(m, InlinePatterns.TargetEnd(), "target"),
                _ => Simple(m, InlinePatterns.SubstitutionEnd(), "substitution_reference"),
            };
        }
        if (m.Groups["backquote"].Success) return Interpreted(m);
        if (m.Groups["fnend"].Success) return FootnoteRef(m);
        return SimpleReference(m);
    }

    private bool QuotedStart(int start, int end) =>
        start > _slice && (end >= _s.Length || InlinePatterns.Quoted(_s[start - 1], _s[end]));

    private (int, List<Inline>?, int) Simple(Match m, Regex endPattern, string kind)
    {
        var g = m.Groups["start"];
        var start = g.Index;
        var afterStart = g.Index + g.Length;
        if (QuotedStart(start, afterStart)) return (start, null, afterStart);
        var end = endPattern.Match(_s, afterStart, _s.Length - afterStart);
        if (end.Success && end.Groups[1].Index > afterStart)
        {
            var textEnd = end.Groups[1].Index;
            var after = textEnd + end.Groups[1].Length;
            var content = _s[afterStart..textEnd];
            var span = Span(start, after - start);
            Inline node = kind switch
            {
                "strong" => Container(new Strong { Span = span }, content, afterStart),
                "emphasis" => Container(new Emphasis { Span = span }, content, afterStart),
                "literal" => new Code { Value = Escapes.Unescape(content, restoreBackslashes: true), Span = span },
                "target" => Container(new InlineTarget { Id = Slug.Make(Escapes.Unescape(content)), Span = span }, content, afterStart),
                _ => Substitution(content, end.Groups[1].Value, span),
            };
            return (start, [node], after);
        }
        var name = kind switch
        {
            "strong" => "strong",
            "emphasis" => "emphasis",
            "literal" => "literal",
            "target" => "target",
            _ => "substitution_reference",
        };
        _context.Warning(Span(start, afterStart - start), $"Inline {name} start-string without end-string.");
        return (start, [TextNode(start, afterStart, restore: true)], afterStart);
    }

    private Inline Substitution(string content, string endString, SourceSpan span)
    {
        var name = Escapes.Unescape(content);
        var reference = new SubstitutionReference { Name = name, Span = span };
        _context.NoteSubstitutionReference(reference);
        if (!endString.EndsWith('_')) return reference;
        var url = endString.EndsWith("__") ? _context.Links.NextAnonymous() : _context.Links.Resolve(name);
        var link = new Link { Url = url, Span = span };
        link.Children.Add(reference);
        return link;
    }

    private T Container<T>(T node, string content, int offset) where T : ContainerInline
    {
        node.Children.Add(new Text { Value = Escapes.Unescape(content), Span = Span(offset, content.Length) });
        return node;
    }

    private (int, List<Inline>?, int) Interpreted(Match m)
    {
        var bq = m.Groups["backquote"];
        var roleGroup = m.Groups["role"];
        var roleStart = m.Index;
        var start = bq.Index;
        var afterStart = bq.Index + bq.Length;
        var role = roleGroup.Length > 0 ? roleGroup.Value[1..^1] : null;
        if (role is null && QuotedStart(m.Index, afterStart)) return (start, null, afterStart);
        var end = InlinePatterns.InterpretedEnd().Match(_s, afterStart, _s.Length - afterStart);
        if (end.Success && end.Groups[1].Index > afterStart)
        {
            var textEnd = end.Groups[1].Index;
            var after = end.Index + end.Length;
            var escaped = _s[afterStart..textEnd];
            var position = role is null ? "" : "prefix";
            if (end.Groups["role"].Success)
            {
                if (role is not null)
                    return Problem(roleStart, after, "Multiple roles in interpreted text (both prefix and suffix present; only one allowed).");
                role = end.Groups["role"].Value[1..^1];
                position = "suffix";
            }
            var span = Span(roleStart, after - roleStart);
            if (end.Groups["refend"].Success)
            {
                if (role is not null)
                    return Problem(roleStart, after, $"Mismatch: both interpreted text role {position} and reference suffix.");
                return (start, PhraseReference(escaped, end.Groups["refend"].Value.Length == 2, Span(start, after - start), afterStart), after);
            }
            return (roleStart, [Roles.Apply(_context, role, escaped, span, Span(afterStart, escaped.Length))], after);
        }
        _context.Warning(Span(start, afterStart - start), "Inline interpreted text or phrase reference start-string without end-string.");
        return (start, [TextNode(start, afterStart, restore: true)], afterStart);
    }

    private (int, List<Inline>?, int) Problem(int start, int end, string message)
    {
        _context.Warning(Span(start, end - start), message);
        return (start, [TextNode(start, end, restore: true)], end);
    }

    private List<Inline> PhraseReference(string escaped, bool anonymous, SourceSpan span, int offset)
    {
        var embedded = InlinePatterns.EmbeddedLink().Match(escaped);
        string text;
        string url;
        if (embedded.Success)
        {
            text = Escapes.Unescape(escaped[..embedded.Index]);
            var alias = embedded.Groups[2].Value;
            var aliasText = Escapes.Unescape(alias);
            var rawAlias = Escapes.Unescape(alias, restoreBackslashes: true);
            if (aliasText.EndsWith('_') && !rawAlias.EndsWith("\\_") && !InlinePatterns.Uri().Match(aliasText).Success)
            {
                url = _context.Links.Resolve(aliasText[..^1]);
            }
            else
            {
                url = Escapes.Unescape(string.Concat(alias.Where(c => !char.IsWhiteSpace(c))));
                if (rawAlias.EndsWith("\\_")) url = url.TrimEnd('_') + "_";
            }
            if (text.Length == 0) text = aliasText;
            else if (!anonymous) _context.Links.Define(text, url);
        }
        else
        {
            text = Escapes.Unescape(escaped);
            url = anonymous ? _context.Links.NextAnonymous() : _context.Links.Resolve(text);
        }
        var link = new Link { Url = url, Span = span };
        link.Children.Add(new Text { Value = text, Span = Span(offset, text.Length) });
        return [link];
    }

    private (int, List<Inline>?, int) FootnoteRef(Match m)
    {
        var whole = m.Groups["whole"];
        var label = m.Groups["footnotelabel"].Value;
        var node = new FootnoteReference
        {
            Label = label,
            IsCitation = m.Groups["citationlabel"].Success,
            Span = Span(whole.Index, whole.Length),
        };
        _context.Footnotes.NoteReference(node);
        return (whole.Index, [node], whole.Index + whole.Length);
    }

    private (int, List<Inline>?, int) SimpleReference(Match m)
    {
        var whole = m.Groups["whole"];
        var name = m.Groups["refname"].Value;
        var anonymous = m.Groups["refend"].Length == 2;
        var link = new Link
        {
            Url = anonymous ? _context.Links.NextAnonymous() : _context.Links.Resolve(name),
            Span = Span(whole.Index, whole.Length),
        };
        link.Children.Add(new Text { Value = name, Span = Span(whole.Index, name.Length) });
        return (whole.Index, [link], whole.Index + whole.Length);
    }

    /// <summary>Plain text between constructs, where standalone URIs and e-mail addresses become links.</summary>
    private void Implicit(int start, int end)
    {
        if (start >= end) return;
        var m = InlinePatterns.Uri().Match(_s, start, end - start);
        if (m.Success)
        {
            var scheme = m.Groups["scheme"];
            // docutils gives up on the whole segment when the first URI has an unknown scheme.
            if (!scheme.Success || InlinePatterns.KnownScheme(scheme.Value))
            {
                Implicit(start, m.Index);
                var whole = m.Groups["whole"].Value;
                var text = Escapes.Unescape(whole);
                var link = new Link { Url = (m.Groups["email"].Success ? "mailto:" : "") + text, Span = Span(m.Index, m.Length) };
                link.Children.Add(new Text { Value = text, Span = link.Span });
                _out.Add(link);
                Implicit(m.Index + m.Length, end);
                return;
            }
        }
        _out.Add(TextNode(start, end, restore: false));
    }

    private Text TextNode(int start, int end, bool restore) =>
        new() { Value = Escapes.Unescape(_s[start..end], restore), Span = Span(start, end - start) };

    /// <summary>The source span of <paramref name="length"/> characters at <paramref name="offset"/> in the joined text, clipped to its first line.</summary>
    public SourceSpan Span(int offset, int length)
    {
        var i = Array.BinarySearch(_lineStarts, offset);
        if (i < 0) i = ~i - 1;
        i = Math.Clamp(i, 0, Math.Max(0, _lines.Count - 1));
        if (_lines.Count == 0) return _context.DocumentSpan;
        var line = _lines[i];
        var col = offset - _lineStarts[i];
        return line.SpanAt(col, Math.Max(0, Math.Min(length, line.Text.Length - col)));
    }
}
