using Errata.Documents.Rst.Parsers.Inlines;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>raw</c>: output passed through untouched, so only when the site allows it, and only for
/// HTML; otherwise a warning and the content shown as a literal block.
/// </summary>
internal sealed class RawDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Required: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var formats = input.Argument.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!context.Read.AllowRaw)
        {
            context.Report(RstErrors.RawDisabled, input.Line.SpanAt(0, input.Line.Text.Length));
            sink.Add(LiteralBlockParser.Literal(input.Block));
            return;
        }
        if (!formats.Contains("html")) return;
        sink.Add(new HtmlBlock { Html = InlineParser.Join(input.Content) + "\n", Span = input.Line.Span });
    }
}
