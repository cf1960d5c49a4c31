using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary><c>epigraph</c>, <c>highlights</c>, <c>pull-quote</c>: block quotes by directive.</summary>
internal sealed class QuoteDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(HasOptions: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var lines = input.Content.Select(l => l with { Text = "   " + l.Text, Column = l.Column - 3 }).ToList();
        BlockQuoteParser.Parse(context, new LineCursor(lines), sink);
    }
}
