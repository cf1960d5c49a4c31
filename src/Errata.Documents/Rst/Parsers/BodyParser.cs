using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Rst.Parsers.Tables;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// docutils' Body state: looks at the first line of each block and hands it to the parser
/// for that construct. A construct that turns out not to apply (an enumerator with no list
/// after it, a short adornment) falls back to a paragraph, as docutils' TransitionCorrection does.
/// </summary>
internal sealed class BodyParser(RstContext context)
{
    private int _depth;

    public void Parse(IReadOnlyList<RstLine> lines, BlockSink sink)
    {
        // Every nested body (quote, list item, directive content) comes through here, so the
        // depth counted here bounds the tree, the stack and the lines copied per level.
        if (_depth >= NestingLimit.MaxDepth)
        {
            var first = lines.FirstOrDefault(l => !l.IsBlank);
            if (first.Source is not null)
                context.Report(DocumentErrors.NestingTooDeep, first.SpanAt(0, first.Length), NestingLimit.MaxDepth);
            return;
        }
        _depth++;
        try
        {
            var cursor = new LineCursor(lines);
            while (!cursor.AtEnd) ParseBlock(cursor, sink);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Parses nested content (a list item, a directive's body), where section titles are not allowed.</summary>
    public List<Block> ParseNested(IReadOnlyList<RstLine> lines)
    {
        var blocks = new List<Block>();
        Parse(lines, new BlockSink(blocks, allowTitles: false));
        return blocks;
    }

    private void ParseBlock(LineCursor c, BlockSink sink)
    {
        var handled = BodyPatterns.Classify(c.Current) switch
        {
            LineKind.Blank => Skip(c),
            LineKind.Indent => BlockQuoteParser.Parse(context, c, sink),
            LineKind.Bullet => BulletListParser.Parse(context, c, sink),
            LineKind.Enumerator => EnumeratedListParser.TryParse(context, c, sink),
            LineKind.FieldMarker => FieldListParser.Parse(context, c, sink),
            LineKind.OptionMarker => OptionListParser.TryParse(context, c, sink),
            LineKind.Doctest => DoctestParser.Parse(context, c, sink),
            LineKind.LineBlock => LineBlockParser.Parse(context, c, sink),
            LineKind.GridTableTop => GridTableParser.Parse(context, c, sink),
            LineKind.SimpleTableTop => SimpleTableParser.Parse(context, c, sink),
            LineKind.ExplicitMarkup => ExplicitMarkupParser.Parse(context, c, sink),
            LineKind.Anonymous => ExplicitMarkupParser.ParseAnonymous(context, c, sink),
            LineKind.Line => LineParser.TryParse(context, c, sink),
            _ => false,
        };
        if (!handled) TextParser.Parse(context, c, sink);
    }

    private static bool Skip(LineCursor c)
    {
        c.Index++;
        return true;
    }

    /// <summary>docutils' unindent warning: a construct ended by an unindented line rather than a blank one.</summary>
    public static void UnindentWarning(RstContext context, LineCursor c, string construct)
    {
        var line = c.AtEnd ? c.Lines[^1] : c.Current;
        context.Report(RstMarkupErrors.UnexpectedUnindent, line.SpanAt(0, line.Text.Length), construct);
    }
}
