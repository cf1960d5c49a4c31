using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Indented text is a block quote. An attribution (a line starting <c>--</c>, <c>---</c> or
/// an em dash after a blank line) ends one quote; more indented text after it starts another.
/// </summary>
internal static partial class BlockQuoteParser
{
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var block = c.ReadIndented();
        var lines = block.Lines;
        while (lines.Count > 0)
        {
            var quote = new BlockQuote { Span = lines[0].Span };
            sink.Add(quote);
            var split = SplitAttribution(lines);
            quote.Children.AddRange(context.Body.ParseNested(lines[..split.QuoteEnd]));
            if (split.Attribution is { } attribution)
                context.DeferInlines(quote.Attribution, attribution);
            lines = lines[split.Rest..];
            while (lines.Count > 0 && lines[0].IsBlank) lines.RemoveAt(0);
        }
        if (!block.BlankFinish) BodyParser.UnindentWarning(context, c, "Block quote");
        return true;
    }

    private readonly record struct Split(int QuoteEnd, List<RstLine>? Attribution, int Rest);

    private static Split SplitAttribution(List<RstLine> lines)
    {
        var blank = -2;
        var nonBlankSeen = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank)
            {
                blank = i;
                continue;
            }
            // Matched on the line's characters: a string per line here would copy every line at every level.
            if (nonBlankSeen && blank == i - 1 && AttributionLength(lines[i]) is > 0 and var length
                && AttributionEnd(lines, i) is var (end, indent) && end > 0)
            {
                var attribution = new List<RstLine> { lines[i].Dedent(length) };
                for (var j = i + 1; j < end; j++) attribution.Add(lines[j].Dedent(indent));
                return new Split(i, attribution, end);
            }
            nonBlankSeen = true;
        }
        return new Split(lines.Count, null, lines.Count);
    }

    /// <summary>The attribution's continuation lines must share one indentation; returns the line after it, or 0 when the shape is wrong.</summary>
    private static (int End, int Indent) AttributionEnd(List<RstLine> lines, int start)
    {
        int? indent = null;
        var i = start + 1;
        for (; i < lines.Count; i++)
        {
            if (lines[i].IsBlank) return (i, indent ?? 0);
            if (indent is null) indent = lines[i].Indent;
            else if (lines[i].Indent != indent) return (0, 0);
        }
        return (i, indent ?? 0);
    }

    private static int AttributionLength(RstLine line)
    {
        foreach (var m in Attribution().EnumerateMatches(line.Chars)) return m.Length;
        return 0;
    }

    [GeneratedRegex("^(---?(?!-)|\u2014) *(?=[^ \n])")]
    private static partial Regex Attribution();
}
