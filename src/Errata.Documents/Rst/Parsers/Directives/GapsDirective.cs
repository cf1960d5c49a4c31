using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary><c>.. gaps:: [site]</c>: where the page's gap table goes.</summary>
internal sealed class GapsDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1, HasOptions: false, HasContent: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (!GapTableBlock.TryScope(input.Argument, out var wholeSite))
            context.Report(GapTableErrors.BadScope, input.Line.SpanAt(0, input.Line.Text.Length), input.Argument);
        sink.Add(new GapTableBlock { WholeSite = wholeSite, Span = input.Line.Span });
    }
}
