using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// The Linux kernel's <c>flat-table</c> (Documentation/sphinx/rstFlatTable.py): like
/// <c>list-table</c>, but rows may be short, and a cell starting with <c>:cspan:`N`</c> or
/// <c>:rspan:`N`</c> spans N more columns or rows.
/// </summary>
internal sealed class FlatTableDirective : IDirective
{
    public DirectiveShape Shape { get; } = DirectiveShape.OptionalArgument;

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (ListTableRows.Read(context, input, sink) is not { } rows) return;
        var cells = rows.Select(r => r.Select(item => new TableCell { Span = item.Span }.With(item.Children)).ToList()).ToList();
        // The spans are roles in each cell's first paragraph, known once inline text is parsed.
        context.AfterInlines(() =>
        {
            foreach (var cell in cells.SelectMany(r => r)) TakeSpans(cell);
        });
        sink.Add(ListTableRows.Build(context, input, cells));
    }

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
        if (found && p.Inlines.Count == 0) cell.Children.RemoveAt(0);
    }
}
