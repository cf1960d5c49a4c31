using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// docutils' Text state: a line of text starts a paragraph, a section title (when the next
/// line is an adornment) or a definition list (when the next line is indented).
/// </summary>
internal static class TextParser
{
    public static void Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        if (c.HasNext && !c.Next.IsBlank)
        {
            if (c.Next.IsIndented)
            {
                DefinitionListParser.Parse(context, c, sink);
                return;
            }
            if (BodyPatterns.Line().IsMatch(c.Next.Text) && SectionTitleParser.TryUnderlined(context, c, sink))
                return;
        }
        var lines = c.ReadTextBlock(flushLeft: true, out var unexpected, atLeastOne: true);
        var literalNext = ParagraphParser.Add(context, lines, sink);
        if (unexpected is { } at)
            context.Report(RstMarkupErrors.UnexpectedIndentation, c.Lines[at].Span);
        if (literalNext) LiteralBlockParser.Parse(context, c, sink);
    }
}
