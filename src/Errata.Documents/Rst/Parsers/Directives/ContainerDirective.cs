using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// Directives whose content is ordinary RST kept under the directive's name: docutils'
/// <c>container</c>, <c>compound</c>, <c>rubric</c> and the Sphinx ones that wrap text
/// (<c>seealso</c>, <c>versionadded</c>...); Sphinx's <c>only</c> may hold sections.
/// </summary>
internal sealed class ContainerDirective(bool titles) : IDirective
{
    public static readonly string[] ParsedNames =
    [
        "container", "compound", "rubric", "seealso", "versionadded", "versionchanged", "deprecated",
        "glossary", "hlist", "centered", "c:function", "c:type", "c:macro", "c:struct", "c:union", "c:enum",
        "c:member", "c:var", "c:namespace", "c:namespace-push", "c:namespace-pop",
    ];

    public DirectiveShape Shape { get; } = new(Optional: 100, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var name = input.Name.ToLowerInvariant();
        var classes = input.Classes;
        var arguments = input.Argument;
        // docutils' container takes its classes as its arguments, which are nothing to show.
        if (name == "container" && input.Arguments.Count > 0)
        {
            if (DirectiveParser.ArgumentClasses(context, sink, input) is not { } named) return;
            (classes, arguments) = (named, "");
        }
        var node = new DirectiveBlock { Name = name, Arguments = arguments, Span = input.Line.Span, Classes = classes };
        foreach (var option in input.Options) node.Options[option.Name] = option.Value;
        if (node.Name == "rubric")
        {
            var title = new Paragraph { Span = input.Line.Span };
            context.DeferInlines(title.Inlines, input.ArgumentLines);
            node.Children.Add(title);
        }
        if (titles)
        {
            // Sphinx's only: the content belongs to this HTML output when the expression holds.
            if (OnlyExpression.Holds(input.Argument))
                context.Body.Parse(input.Content, new BlockSink(node.Children, allowTitles: true, sink.Level));
        }
        else node.Children.AddRange(context.Body.ParseNested(input.Content));
        sink.Add(node);
    }
}
