namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>class</c> and Sphinx's <c>cssclass</c>: the argument's class names go on each top-level
/// block of the content, as in docutils. Without content docutils gives them to the next
/// element; Errata does not, and reads the directive as a styling hint it can leave out.
/// </summary>
internal sealed class ClassDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Required: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (DirectiveParser.ArgumentClasses(context, sink, input) is not { } classes) return;
        var blocks = context.Body.ParseNested(input.Content);
        foreach (var block in blocks) block.Classes = [.. block.Classes, .. classes];
        sink.AddRange(blocks);
    }
}
