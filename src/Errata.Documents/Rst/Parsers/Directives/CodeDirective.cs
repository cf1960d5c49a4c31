using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary><c>code</c> (docutils) and Sphinx's <c>code-block</c>/<c>sourcecode</c>: the content verbatim, the argument its language.</summary>
internal sealed class CodeDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (input.Content.Count == 0)
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "Content block expected for the \"" + input.Name + "\" directive; none found.");
            return;
        }
        var block = LiteralBlockParser.Literal(input.Content, input.Arguments.Count > 0 ? input.Arguments[0] : null);
        block.Classes = input.Classes;
        sink.Add(block);
    }
}

/// <summary>Sphinx's <c>highlight</c>: the language of the literal blocks (<c>::</c>) that follow it.</summary>
internal sealed class HighlightDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Required: 1, HasContent: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink) =>
        context.HighlightLanguage = input.Arguments[0] is "none" or "default" ? null : input.Arguments[0];
}

/// <summary>
/// <c>parsed-literal</c> and <c>math</c>: preformatted content kept as a literal block. As in
/// docutils, <c>math</c> makes one block per blank-line-separated group of its argument and content.
/// </summary>
internal sealed class LiteralDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (!input.Name.Equals("math", StringComparison.OrdinalIgnoreCase))
        {
            var literal = LiteralBlockParser.Literal(input.Content.Count > 0 ? input.Content : input.ArgumentLines);
            literal.Classes = input.Classes;
            sink.Add(literal);
            return;
        }
        var group = new List<RstLine>();
        foreach (var line in input.ArgumentLines.Append(default).Concat(input.Content).Append(default))
        {
            if (line.Source is not null && !line.IsBlank) { group.Add(line); continue; }
            if (group.Count > 0)
            {
                var block = LiteralBlockParser.Literal(group, "math");
                block.Classes = input.Classes;
                sink.Add(block);
            }
            group = [];
        }
    }
}
