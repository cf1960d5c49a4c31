using Errata.Documents.Rst.Parsers.Inlines;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>The literal block after a <c>::</c> paragraph: indented, or quoted (every line starting with the same punctuation).</summary>
internal static class LiteralBlockParser
{
    public static void Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var block = c.ReadIndented();
        block.TrimEnd();
        if (block.Lines.Count > 0)
        {
            sink.Add(Literal(block.Lines, context.HighlightLanguage));
            if (!block.BlankFinish) BodyParser.UnindentWarning(context, c, "Literal block");
            return;
        }
        Quoted(context, c, sink);
    }

    public static LiteralBlock Literal(IReadOnlyList<RstLine> lines, string? language = null) => new()
    {
        Text = InlineParser.Join(lines),
        Language = language,
        Span = lines.Count > 0 ? lines[0].SpanAt(0, lines[0].Text.Length) : default,
    };

    private static void Quoted(RstContext context, LineCursor c, BlockSink sink)
    {
        c.SkipBlank();
        if (c.AtEnd || !IsQuote(c.Current.Text[0]))
        {
            var at = c.AtEnd ? c.Lines[^1] : c.Current;
            context.Report(RstMarkupErrors.LiteralBlockExpected, at.SpanAt(0, 0));
            return;
        }
        var quote = c.Current.Text[0];
        var lines = new List<RstLine>();
        while (!c.AtEnd && !c.Current.IsBlank && c.Current.Text[0] == quote)
        {
            lines.Add(c.Current);
            c.Index++;
        }
        sink.Add(Literal(lines));
        if (!c.AtEnd && !c.Current.IsBlank)
        {
            // The offending line is read again by the enclosing body.
            context.Report(c.Current.IsIndented ? RstMarkupErrors.UnexpectedIndentation : RstMarkupErrors.InconsistentLiteralQuoting, c.Current.Span);
        }
    }

    private static bool IsQuote(char ch) => ch is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');
}
