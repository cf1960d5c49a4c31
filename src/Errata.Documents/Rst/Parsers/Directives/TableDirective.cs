using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>The <c>table</c> directive: a grid or simple table with a title (the caption).</summary>
internal sealed class TableDirective : IDirective
{
    public DirectiveShape Shape { get; } = DirectiveShape.OptionalArgument;

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var blocks = context.Body.ParseNested(input.Content);
        if (blocks.Count != 1 || blocks[0] is not Table table)
        {
            if (blocks.Count == 0 || blocks.Exists(b => b is not Table and not LiteralBlock))
            {
                DirectiveParser.Fail(context, sink, input.Name, input.Block, "Error parsing content block for the \"table\" directive: exactly one table expected.");
                return;
            }
            sink.AddRange(blocks);
            return;
        }
        if (input.ArgumentLines.Count > 0) context.DeferInlines(table.Caption, input.ArgumentLines);
        table.Classes = input.Classes;
        sink.Add(table);
    }
}
