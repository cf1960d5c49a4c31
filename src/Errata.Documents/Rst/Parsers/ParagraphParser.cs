using Errata.Documents.Rst.Parsers.Inlines;
using System.Text.RegularExpressions;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>A paragraph, with docutils' <c>::</c> handling: expanded, partly or fully minimised literal block markers.</summary>
internal static partial class ParagraphParser
{
    /// <summary>Adds the paragraph (if any text is left) and says whether a literal block follows.</summary>
    public static bool Add(RstContext context, List<RstLine> lines, BlockSink sink)
    {
        var data = InlineParser.Join(lines).TrimEnd();
        var length = data.Length;
        var literalNext = false;
        if (LiteralMarker().IsMatch(data))
        {
            literalNext = true;
            if (data.Length == 2) return true;
            length = data[^3] is ' ' or '\n' ? data[..^3].TrimEnd().Length : data.Length - 1;
        }
        var paragraph = new Paragraph { Span = lines[0].SpanAt(0, lines[0].Text.Length) };
        sink.Add(paragraph);
        context.DeferInlines(paragraph.Inlines, lines, length);
        return literalNext;
    }

    [GeneratedRegex(@"(?<!\\)(\\\\)*::$")]
    private static partial Regex LiteralMarker();
}
