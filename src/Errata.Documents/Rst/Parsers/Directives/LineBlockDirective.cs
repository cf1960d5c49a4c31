using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>The deprecated <c>line-block</c> directive: each content line kept as a line.</summary>
internal sealed class LineBlockDirective : IDirective
{
    public DirectiveShape Shape { get; } = new();

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var block = new LineBlock { Span = input.Line.Span, Classes = input.Classes };
        foreach (var line in input.Content)
        {
            var node = new LineBlockLine { Span = line.Span };
            context.DeferInlines(node.Inlines, [line]);
            block.Children.Add(node);
        }
        sink.Add(block);
    }
}
