using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Line blocks: each <c>| </c> line kept as a line; a line's indentation after the bar
/// nests it in an inner line block, as docutils' nest_line_block_lines does.
/// </summary>
internal static class LineBlockParser
{
    private sealed record Entry(LineBlockLine Line, int? Indent);

    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var block = new LineBlock { Span = c.Current.Span };
        sink.Add(block);
        var entries = new List<Entry>();
        var blankFinish = false;
        while (!c.AtEnd && BodyPatterns.Classify(c.Current) == LineKind.LineBlock)
        {
            var line = c.Current;
            var m = BodyPatterns.LineBlock().Match(line.Text);
            var body = c.ReadIndented(firstIndent: m.Length, untilBlank: true);
            blankFinish = body.BlankFinish;
            var node = new LineBlockLine { Span = line.Span };
            context.DeferInlines(node.Inlines, body.Lines);
            entries.Add(new Entry(node, line.Text.TrimEnd() == "|" ? null : m.Groups[1].Length - 1));
            if (!c.AtEnd && c.Current.IsBlank)
            {
                blankFinish = true;
                break;
            }
        }
        if (!blankFinish && !c.AtEnd) context.Report(RstMarkupErrors.LineBlockWithoutBlankLine, c.Current.Span);
        var indents = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
            indents[i] = entries[i].Indent ?? (i == 0 ? 0 : indents[i - 1]);
        Nest(block, entries.Select((e, i) => (Node: (Block)e.Line, Indent: indents[i])).ToList());
        return true;
    }

    private static void Nest(LineBlock block, List<(Block Node, int Indent)> items)
    {
        if (items.Count == 0) return;
        var least = items.Min(i => i.Indent);
        var inner = new List<(Block, int)>();
        void Flush()
        {
            if (inner.Count == 0) return;
            var nested = new LineBlock { Span = inner[0].Item1.Span };
            Nest(nested, inner);
            block.Children.Add(nested);
            inner = [];
        }
        foreach (var item in items)
        {
            if (item.Indent > least)
            {
                inner.Add(item);
                continue;
            }
            Flush();
            block.Children.Add(item.Node);
        }
        Flush();
    }
}
