using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>list-table</c>: a bullet list of rows, each a bullet list of cells, all rows the same
/// length; <c>:header-rows:</c> rows form the head.
/// </summary>
internal sealed class ListTableDirective : IDirective
{
    public DirectiveShape Shape { get; } = DirectiveShape.OptionalArgument;

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (ListTableRows.Read(context, input, sink, skipMarkup: false) is not { } rows) return;
        var width = rows.Max(r => r.Count);
        if (rows.Exists(r => r.Count != width))
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "Error parsing content block for the \"list-table\" directive: uniform two-level bullet list expected, but row 1 does not contain the same number of items as row 2.");
            return;
        }
        var table = ListTableRows.Build(context, input, rows.Select(r => r.Select(item => new TableCell { Span = item.Span }.With(item.Children)).ToList()).ToList());
        sink.Add(table);
    }
}

/// <summary>What <c>list-table</c> and the kernel's <c>flat-table</c> share: reading the two-level list and splitting head from body.</summary>
internal static class ListTableRows
{
    /// <param name="skipMarkup">The kernel's flat-table lets a row hold comments and targets beside its list.</param>
    public static List<List<ListItem>>? Read(RstContext context, DirectiveInput input, BlockSink sink, bool skipMarkup)
    {
        var blocks = context.Body.ParseNested(input.Content);
        if (blocks.Count != 1 || blocks[0] is not BulletList list)
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, $"Error parsing content block for the \"{input.Name}\" directive: exactly one bullet list expected.");
            return null;
        }
        var rows = new List<List<ListItem>>();
        foreach (var item in list.Items)
        {
            var children = skipMarkup ? item.Children.Where(b => b is not (Comment or Target)).ToList() : item.Children;
            if (children.Count != 1 || children[0] is not BulletList row)
            {
                DirectiveParser.Fail(context, sink, input.Name, input.Block, $"Error parsing content block for the \"{input.Name}\" directive: two-level bullet list expected, but row {rows.Count + 1} does not contain a second-level bullet list.");
                return null;
            }
            rows.Add(row.Items);
        }
        if (rows.Count == 0)
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "Content block expected; none found.");
            return null;
        }
        return rows;
    }

    public static Table Build(RstContext context, DirectiveInput input, List<List<TableCell>> rows)
    {
        var table = new Table { Span = input.Line.Span, Classes = input.Classes };
        if (input.ArgumentLines.Count > 0) context.DeferInlines(table.Caption, input.ArgumentLines);
        var headRows = int.TryParse(input.Option("header-rows"), out var h) ? Math.Clamp(h, 0, rows.Count) : 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = new TableRow { Span = input.Line.Span };
            row.Cells.AddRange(rows[i]);
            (i < headRows ? table.Head : table.Body).Add(row);
        }
        return table;
    }

    public static TableCell With(this TableCell cell, IEnumerable<Block> children)
    {
        cell.Children.AddRange(children);
        return cell;
    }
}
