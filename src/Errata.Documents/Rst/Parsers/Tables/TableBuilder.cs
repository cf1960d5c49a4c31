using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Tables;

/// <summary>Turns parsed cells into the model's table, reading each cell's text as a nested body.</summary>
internal static class TableBuilder
{
    public static Table Build(RstContext context, IEnumerable<IEnumerable<TableCellSource>> head, IEnumerable<IEnumerable<TableCellSource>> body, RstLine at)
    {
        var table = new Table { Span = at.Span };
        foreach (var row in head) table.Head.Add(Row(context, row, at));
        foreach (var row in body) table.Body.Add(Row(context, row, at));
        return table;
    }

    private static TableRow Row(RstContext context, IEnumerable<TableCellSource> cells, RstLine at)
    {
        var row = new TableRow { Span = at.Span };
        foreach (var cell in cells)
        {
            var node = new TableCell
            {
                RowSpan = cell.RowSpan,
                ColSpan = cell.ColSpan,
                Span = cell.Lines.Count > 0 ? cell.Lines[0].Span : at.Span,
            };
            node.Children.AddRange(context.Body.ParseNested(cell.Lines));
            row.Cells.Add(node);
        }
        return row;
    }

    /// <summary>docutils' malformed_table: an error, with the table's text kept as a literal block.</summary>
    /// <summary>
    /// The end both table parsers share: build the isolated block (or report it malformed,
    /// keeping its text), then ask for the blank line docutils requires after a table.
    /// </summary>
    public static bool Finish(
        RstContext context,
        LineCursor c,
        BlockSink sink,
        List<RstLine>? lines,
        bool blankFinish,
        Func<List<RstLine>, (List<List<TableCellSource>> Head, List<List<TableCellSource>> Body)> scan)
    {
        if (lines is not null)
        {
            try
            {
                var (head, body) = scan(lines);
                sink.Add(Build(context, head, body, lines[0]));
            }
            catch (TableMarkupException e)
            {
                Malformed(context, sink, lines, e.Message, e.Offset);
            }
        }
        if (!blankFinish && !c.AtEnd) context.Report(RstMarkupErrors.BlankLineAfterTable, c.Current.Span);
        return true;
    }

    public static void Malformed(RstContext context, BlockSink sink, IReadOnlyList<RstLine> block, string detail, int offset = 0)
    {
        var at = block[Math.Clamp(offset, 0, block.Count - 1)];
        context.Report(RstMarkupErrors.MalformedTable, at.Span, detail.Length == 0 ? "" : "\n" + detail);
        sink.Add(LiteralBlockParser.Literal([.. block.Select(l => l with { Text = TableText.Unpad(l.Text) })]));
    }
}
