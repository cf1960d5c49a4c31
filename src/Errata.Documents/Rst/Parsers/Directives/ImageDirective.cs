using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary><c>image</c> and <c>figure</c>: the URI argument; a figure's first paragraph is its caption, the rest its legend.</summary>
internal sealed class ImageDirective(bool figure) : IDirective
{
    public DirectiveShape Shape { get; } = new(Required: 1, FinalArgumentWhitespace: true, HasContent: figure);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        IReadOnlyList<string>? figureClasses = figure ? DirectiveParser.OptionClasses(context, sink, input, "figclass") : [];
        if (figureClasses is null) return;
        var url = string.Concat(input.Argument.Where(c => !char.IsWhiteSpace(c)));
        // As in docutils, :class: is the image's and a figure's :figclass: the figure's.
        var image = new Image { Url = url, Alt = input.Option("alt") ?? "", Span = input.Line.Span, Classes = input.Classes };
        var node = new Figure { Image = image, Target = input.Option("target"), IsFigure = figure, Span = input.Line.Span, Classes = figureClasses };
        if (figure && input.Content.Count > 0)
        {
            var content = context.Body.ParseNested(input.Content);
            if (content.Count > 0 && content[0] is Paragraph caption)
            {
                // The paragraph's inlines are parsed after all blocks; take them once they are.
                context.AfterInlines(() => node.Caption.AddRange(caption.Inlines));
                content.RemoveAt(0);
            }
            node.Children.AddRange(content);
        }
        sink.Add(node);
    }
}
