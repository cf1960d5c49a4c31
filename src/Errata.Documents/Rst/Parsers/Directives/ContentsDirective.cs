using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>The <c>contents</c> directive: where a table of contents goes, its title, depth and scope.</summary>
internal sealed class ContentsDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1, FinalArgumentWhitespace: true, HasContent: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var contents = new Contents
        {
            Depth = int.TryParse(input.Option("depth"), out var d) ? d : 0,
            Local = input.HasOption("local"),
            Span = input.Line.Span,
            Classes = input.Classes,
        };
        if (input.ArgumentLines.Count > 0) context.DeferInlines(contents.Title, input.ArgumentLines);
        // docutils names the contents topic by its title, "contents" when it has none.
        context.Links.DefineImplicit(input.Arguments.Count > 0 ? input.Argument : "contents", "#contents");
        sink.Add(contents);
    }
}
