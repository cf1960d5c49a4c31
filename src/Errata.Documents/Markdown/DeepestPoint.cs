using Errata.Diagnostics;

namespace Errata.Documents.Markdown;

/// <summary>
/// Where Markdown text first nests deeper than a limit, estimated from the text alone. Used
/// only after Markdig has refused a document as too deeply nested, when there is no tree to
/// take the place from: block quote markers, list markers and indentation count as blocks,
/// open brackets and opening emphasis delimiters as inlines.
/// </summary>
internal static class DeepestPoint
{
    /// <summary>The first place nested deeper than <paramref name="limit"/>, or else the most deeply nested one.</summary>
    public static SourceSpan Find(string path, string text, int limit, out int depth)
    {
        var deepest = (Depth: -1, Line: 0, Column: 0);
        var line = 0;
        var inline = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var chars = text.AsSpan(range).TrimEnd('\r');
            if (chars.IsWhiteSpace()) inline = 0;
            var column = 0;
            var blocks = 0;
            // Container markers at the start of the line. A list marker opens two levels (the
            // list and its item), and a nested item is indented at least two columns per list,
            // so each column of indentation counts as a level; '>' opens one.
            while (column < chars.Length)
            {
                var start = column;
                while (column < chars.Length && chars[column] == ' ') column++;
                blocks += column - start;
                var marker = MarkerLength(chars[column..]);
                if (marker == 0) break;
                blocks += chars[column] == '>' ? 1 : 2;
                column += marker;
                if (blocks + inline > deepest.Depth) deepest = (blocks + inline, line, column - marker);
                if (deepest.Depth > limit) return Found(new SourceSpan(path, line, deepest.Column, marker), out depth, deepest.Depth);
            }
            while (column < chars.Length)
            {
                var at = column;
                var c = chars[column];
                // A run of emphasis delimiters opens when text follows it and closes when text precedes it.
                var run = c is '*' or '_' ? RunLength(chars[column..], c) : 1;
                column += run;
                var textBefore = at > 0 && !char.IsWhiteSpace(chars[at - 1]);
                var textAfter = column < chars.Length && !char.IsWhiteSpace(chars[column]);
                if (c == ']' || (c is '*' or '_' && textBefore)) inline = Math.Max(0, inline - run);
                else if (c == '[' || (c is '*' or '_' && textAfter)) inline += run;
                else continue;
                if (blocks + inline > deepest.Depth) deepest = (blocks + inline, line, at);
                if (deepest.Depth > limit) return Found(new SourceSpan(path, line, at + run - (deepest.Depth - limit), 1), out depth, deepest.Depth);
            }
            line++;
        }
        return Found(new SourceSpan(path, deepest.Line, deepest.Column, 1), out depth, deepest.Depth);
    }

    private static SourceSpan Found(SourceSpan span, out int depth, int found)
    {
        depth = found;
        return span;
    }

    private static int RunLength(ReadOnlySpan<char> s, char c)
    {
        var n = 0;
        while (n < s.Length && s[n] == c) n++;
        return n;
    }

    private static int MarkerLength(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return 0;
        if (s[0] == '>') return s.Length > 1 && s[1] == ' ' ? 2 : 1;
        var digits = 0;
        while (digits < s.Length && digits < 9 && char.IsAsciiDigit(s[digits])) digits++;
        var end = digits > 0 ? (digits < s.Length && s[digits] is '.' or ')' ? digits + 1 : 0)
            : s[0] is '-' or '+' or '*' ? 1 : 0;
        if (end == 0) return 0;
        return end == s.Length ? end : s[end] == ' ' ? end + 1 : 0;
    }
}
