namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary><c>class</c> and Sphinx's <c>cssclass</c>: styling hints for what follows; any content is read in place.</summary>
internal sealed class ClassDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Required: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink) =>
        sink.AddRange(context.Body.ParseNested(input.Content));
}
