using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>A paragraph, with docutils' <c>::</c> handling: expanded, partly or fully minimised literal block markers.</summary>
internal static class ParagraphParser
{
    /// <summary>Adds the paragraph (if any text is left) and says whether a literal block follows.</summary>
    /// <param name="lines">The paragraph's lines, right-trimmed, the last one not blank.</param>
    public static bool Add(RstContext context, List<RstLine> lines, BlockSink sink)
    {
        var last = lines[^1].Text;
        var joinedLength = lines.Count - 1;
        foreach (var line in lines) joinedLength += line.Text.Length;
        var length = joinedLength;
        var literalNext = EndsWithLiteralMarker(last);
        if (literalNext)
        {
            if (joinedLength == 2) return true;
            // "text ::" or a lone "::" line drop the marker and the space before it; "text::" keeps one colon.
            length = last.Length == 2 ? joinedLength - 3 - TrailingWhitespace(lines[^2].Text)
                : last[^3] == ' ' ? joinedLength - 3 - TrailingWhitespace(last[..^3])
                : joinedLength - 1;
        }
        var paragraph = new Paragraph { Span = lines[0].SpanAt(0, lines[0].Text.Length) };
        sink.Add(paragraph);
        context.DeferInlines(paragraph.Inlines, lines, length);
        return literalNext;
    }

    /// <summary>docutils' <c>(?&lt;!\\)(\\\\)*::$</c>: "::" at the end, not escaped by an odd number of backslashes.</summary>
    private static bool EndsWithLiteralMarker(string text)
    {
        if (!text.EndsWith("::", StringComparison.Ordinal)) return false;
        var backslashes = 0;
        for (var i = text.Length - 3; i >= 0 && text[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 0;
    }

    private static int TrailingWhitespace(string text) => text.Length - text.TrimEnd().Length;
}
