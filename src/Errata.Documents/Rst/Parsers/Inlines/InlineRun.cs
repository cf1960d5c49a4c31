using Errata.Diagnostics;
using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>One text being parsed: the escaped string and where each of its offsets lies in the source.</summary>
internal sealed class InlineRun
{
    private readonly RstContext _context;
    private readonly IReadOnlyList<RstLine> _lines;
    private readonly int[] _lineStarts;
    private readonly string _s;
    private readonly List<Inline> _out;
    private int _slice; // where docutils' current remaining string starts
    private Dictionary<Regex, int>? _noEndFrom; // made on the first unclosed start-string

    public InlineRun(RstContext context, IReadOnlyList<RstLine> lines, string escaped, List<Inline> into)
    {
        _out = into;
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

    /// <summary>docutils reports problems in inline text at the first line of the text block.</summary>
    private SourceSpan ReportSpan => _lines.Count == 0 ? _context.DocumentSpan : _lines[0].SpanAt(0, _lines[0].Text.Length);

    public void Parse()
    {
        var pos = 0;
        var pending = 0; // start of text not yet turned into nodes
        while (pos < _s.Length)
        {
            _slice = pos;
            if (InlineScanner.Find(InlinePatterns.Initial(), _s, pos, _s.Length, InlineScanner.MarkupCharacters, InlineScanner.IsNameCharacter) is not var (index, length))
                break;
            var (nodeStart, nodes, next) = Dispatch(index, length);
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
    }

    /// <summary>Which construct the initial pattern matched, read from the matched text (the alternatives start differently).</summary>
    private (int Start, List<Inline>? Nodes, int Next) Dispatch(int index, int length)
    {
        var matched = _s.AsSpan(index, length);
        return matched switch
        {
            ['*', '*', ..] => Simple(index, 2, InlinePatterns.StrongEnd(), "strong"),
            ['*', ..] => Simple(index, 1, InlinePatterns.EmphasisEnd(), "emphasis"),
            ['`', '`', ..] => Simple(index, 2, InlinePatterns.LiteralEnd(), "literal"),
            ['_', '`', ..] => Simple(index, 2, InlinePatterns.TargetEnd(), "target"),
            ['|', ..] => Simple(index, 1, InlinePatterns.SubstitutionEnd(), "substitution_reference"),
            ['[', ..] => FootnoteRef(index, length),
            ['`', ..] => Interpreted(index, index, null),
            [':', ..] => Interpreted(index, index + length - 1, matched[1..^2].ToString()),
            _ => SimpleReference(index, length),
        };
    }

    private bool QuotedStart(int start, int end) =>
        start > _slice && (end >= _s.Length || InlinePatterns.Quoted(_s[start - 1], _s[end]));

    /// <summary>
    /// The end-string after <paramref name="from"/>, searched in the rest of the text as docutils does
    /// (a new string, so nothing before it is seen). A search that found nothing also answers every
    /// later one for that pattern, which keeps text full of unclosed start-strings linear.
    /// </summary>
    private (int Index, int Length)? EndString(Regex pattern, int from)
    {
        if (_noEndFrom is not null && _noEndFrom.TryGetValue(pattern, out var none) && from >= none) return null;
        if (InlineScanner.First(pattern, _s.AsSpan(from)) is not { } m)
        {
            (_noEndFrom ??= [])[pattern] = from;
            return null;
        }
        // docutils takes the first match only; one right at the start is no end-string.
        return m.Index > 0 ? (from + m.Index, m.Length) : null;
    }

    private (int, List<Inline>?, int) Simple(int start, int startLength, Regex endPattern, string kind)
    {
        var afterStart = start + startLength;
        if (QuotedStart(start, afterStart)) return (start, null, afterStart);
        if (EndString(endPattern, afterStart) is var (textEnd, endLength))
        {
            var after = textEnd + endLength;
            var content = _s[afterStart..textEnd];
            var span = Span(start, after - start);
            Inline node = kind switch
            {
                "strong" => Container(new Strong { Span = span }, content, afterStart),
                "emphasis" => Container(new Emphasis { Span = span }, content, afterStart),
                "literal" => new Code { Value = Escapes.Unescape(content, restoreBackslashes: true), Span = span },
                "target" => Target(content, span, afterStart),
                _ => Substitution(content, _s.Substring(textEnd, endLength), span),
            };
            return (start, [node], after);
        }
        _context.Report(RstMarkupErrors.InlineWithoutEnd, ReportSpan, kind);
        return (start, [TextNode(start, afterStart, restore: true)], afterStart);
    }

    private InlineTarget Target(string content, SourceSpan span, int offset)
    {
        var name = Escapes.Unescape(content);
        var target = Container(new InlineTarget { Id = Slug.Make(name), Span = span }, content, offset);
        _context.Links.DefineImplicit(name, "#" + target.Id);
        return target;
    }

    private Inline Substitution(string content, string endString, SourceSpan span)
    {
        var name = Escapes.Unescape(content);
        var reference = new SubstitutionReference { Name = name, Span = span };
        _context.NoteSubstitutionReference(reference, ReportSpan);
        if (!endString.EndsWith('_')) return reference;
        var url = endString.EndsWith("__") ? _context.Links.NextAnonymous() : _context.Links.Resolve(name, ReportSpan);
        var link = new Link { Url = url, Span = span };
        link.Children.Add(reference);
        return link;
    }

    private T Container<T>(T node, string content, int offset) where T : ContainerInline
    {
        node.Children.Add(new Text { Value = Escapes.Unescape(content), Span = Span(offset, content.Length) });
        return node;
    }

    /// <param name="roleStart">Where the match starts (the role prefix, if any).</param>
    /// <param name="start">The opening backquote.</param>
    private (int, List<Inline>?, int) Interpreted(int roleStart, int start, string? role)
    {
        var afterStart = start + 1;
        if (role is null && QuotedStart(roleStart, afterStart)) return (start, null, afterStart);
        if (EndString(InlinePatterns.InterpretedEnd(), afterStart) is var (textEnd, endLength))
        {
            var after = textEnd + endLength;
            var escaped = _s[afterStart..textEnd];
            var suffix = _s.AsSpan(textEnd + 1, endLength - 1);
            var underscores = suffix.Length - suffix.TrimEnd('_').Length;
            var suffixRole = suffix[..^underscores];
            var position = role is null ? "" : "prefix";
            if (suffixRole.Length > 0)
            {
                if (role is not null)
                    return Problem(roleStart, after, RstMarkupErrors.MultipleRoles);
                role = suffixRole[1..^1].ToString();
                position = "suffix";
            }
            if (underscores > 0)
            {
                if (role is not null)
                    return Problem(roleStart, after, RstMarkupErrors.RoleAndReference, position);
                return (start, PhraseReference(escaped, underscores == 2, Span(start, after - start), afterStart), after);
            }
            return (roleStart, [Roles.Apply(_context, role, escaped, Span(roleStart, after - roleStart), Span(afterStart, escaped.Length))], after);
        }
        _context.Report(RstMarkupErrors.InlineWithoutEnd, ReportSpan, "interpreted text or phrase reference");
        return (start, [TextNode(start, afterStart, restore: true)], afterStart);
    }

    private (int, List<Inline>?, int) Problem(int start, int end, DiagnosticDescriptor problem, params object?[] args)
    {
        _context.Report(problem, ReportSpan, args);
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
                url = _context.Links.Resolve(aliasText[..^1], ReportSpan);
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
            url = anonymous ? _context.Links.NextAnonymous() : _context.Links.Resolve(text, ReportSpan);
        }
        var link = new Link { Url = url, Span = span };
        link.Children.Add(new Text { Value = text, Span = Span(offset, text.Length) });
        return [link];
    }

    /// <summary><c>[label]_</c>: a number, <c>#</c>, <c>#name</c> or <c>*</c> is a footnote, any other name a citation.</summary>
    private (int, List<Inline>?, int) FootnoteRef(int index, int length)
    {
        var label = _s.Substring(index + 1, length - 3);
        var node = new FootnoteReference
        {
            Label = label,
            IsCitation = label[0] is not ('#' or '*') && !char.IsAsciiDigit(label[0]),
            Span = Span(index, length),
        };
        _context.Footnotes.NoteReference(node, ReportSpan);
        return (index, [node], index + length);
    }

    /// <summary><c>name_</c> or anonymous <c>name__</c>; a simple name never ends with '_', so the underscores are the suffix.</summary>
    private (int, List<Inline>?, int) SimpleReference(int index, int length)
    {
        var matched = _s.AsSpan(index, length);
        var name = matched.TrimEnd('_').ToString();
        var anonymous = length - name.Length == 2;
        var link = new Link
        {
            Url = anonymous ? _context.Links.NextAnonymous() : _context.Links.Resolve(name, ReportSpan),
            Span = Span(index, length),
        };
        link.Children.Add(new Text { Value = name, Span = Span(index, name.Length) });
        return (index, [link], index + length);
    }

    /// <summary>Plain text between constructs, where standalone URIs and e-mail addresses become links.</summary>
    private void Implicit(int start, int end)
    {
        if (start >= end) return;
        if (InlineScanner.Find(InlinePatterns.Uri(), _s, start, end, InlineScanner.UriCharacters, InlineScanner.IsUriCharacter) is var (index, length))
        {
            var whole = _s.AsSpan(index, length);
            // An address is an e-mail when its '@' comes before any ':' (a URI's scheme ends at the first ':').
            var colon = whole.IndexOf(':');
            var at = whole.IndexOf('@');
            var email = at >= 0 && (colon < 0 || at < colon);
            // docutils gives up on the whole segment when the first URI has an unknown scheme.
            if (email || InlinePatterns.KnownScheme(whole[..colon].ToString()))
            {
                Implicit(start, index);
                var text = Escapes.Unescape(whole.ToString());
                var link = new Link { Url = (email ? "mailto:" : "") + text, Span = Span(index, length) };
                link.Children.Add(new Text { Value = text, Span = link.Span });
                _out.Add(link);
                Implicit(index + length, end);
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
