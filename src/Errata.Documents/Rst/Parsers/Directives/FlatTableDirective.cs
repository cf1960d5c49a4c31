using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// The Linux kernel's <c>flat-table</c> (Documentation/sphinx/rstFlatTable.py): like
/// <c>list-table</c>, but rows may be short, and a cell starting with <c>:cspan:`N`</c> or
/// <c>:rspan:`N`</c> spans N more columns or rows. A short row's last cell spans the missing
/// columns, or with <c>:fill-cells:</c> empty cells are added.
/// </summary>
internal sealed class FlatTableDirective : IDirective
{
    public DirectiveShape Shape { get; } = DirectiveShape.OptionalArgument;

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (ListTableRows.Read(context, input, sink, skipMarkup: true) is not { } rows) return;
        var cells = rows.Select(r => r.Select(item => new TableCell { Span = item.Span }.With(item.Children)).ToList()).ToList();
        // The spans are roles in each cell's first paragraph, known once inline text is parsed.
        var table = ListTableRows.Build(context, input, cells);
        context.AfterInlines(() =>
        {
            foreach (var cell in cells.SelectMany(r => r)) TakeSpans(cell);
            RoundOff([.. table.Head, .. table.Body], input.HasOption("fill-cells"));
        });
        sink.Add(table);
    }

    /// <summary>
    /// rstFlatTable's roundOffTableDefinition: each span reserves slots to its right and in the
    /// rows below; rows shorter than the widest then get their last cell widened, or a new cell
    /// when the last slot is reserved by a span (or with fill-cells, empty cells).
    /// </summary>
    private static void RoundOff(List<TableRow> rows, bool fillCells)
    {
        var slots = rows.Select(r => r.Cells.Select(c => (TableCell?)c).ToList()).ToList();
        for (var y = 0; y < slots.Count; y++)
        {
            for (var x = 0; x < slots[y].Count; x++)
            {
                if (slots[y][x] is not { } cell) continue;
                for (var c = 0; c < cell.ColSpan - 1; c++) slots[y].Insert(Math.Min(x + c + 1, slots[y].Count), null);
                for (var r = 0; r < cell.RowSpan - 1 && y + r + 1 < slots.Count; r++)
                    for (var c = 0; c < cell.ColSpan; c++) slots[y + r + 1].Insert(Math.Min(x + c, slots[y + r + 1].Count), null);
            }
        }
        var max = slots.Select(s => s.Count).DefaultIfEmpty(0).Max();
        for (var y = 0; y < rows.Count; y++)
        {
            var missing = max - slots[y].Count;
            if (missing <= 0) continue;
            if (fillCells)
                for (var i = 0; i < missing; i++) rows[y].Cells.Add(new TableCell());
            else if (slots[y].Count == 0 || slots[y][^1] is null) rows[y].Cells.Add(new TableCell { ColSpan = missing });
            else rows[y].Cells[^1].ColSpan += missing;
        }
    }

    /// <summary>Moves leading span roles into the cell's spans; like the kernel's roles they leave their paragraph, even if empty.</summary>
    private static void TakeSpans(TableCell cell)
    {
        if (cell.Children.Count == 0 || cell.Children[0] is not Paragraph p) return;
        var found = false;
        while (p.Inlines.Count > 0)
        {
            var first = p.Inlines[0];
            if (first is InterpretedText { Role: "cspan" or "rspan" } span && int.TryParse(Slug.PlainText(span.Children), out var n))
            {
                if (span.Role == "cspan") cell.ColSpan = n + 1;
                else cell.RowSpan = n + 1;
                found = true;
            }
            else if (!(found && first is Text t && string.IsNullOrWhiteSpace(t.Value))) break;
            p.Inlines.RemoveAt(0);
        }
    }
}
