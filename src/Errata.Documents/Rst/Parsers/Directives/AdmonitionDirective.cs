using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// The specific admonitions (note, warning, tip...) and the titled ones: the generic
/// <c>admonition</c>, <c>topic</c> and <c>sidebar</c>, whose argument is the title (a sidebar's
/// <c>:subtitle:</c> leads its content). <c>:class:</c> adds classes to the box.
/// </summary>
internal sealed class AdmonitionDirective(bool titled) : IDirective
{
    public static readonly string[] Kinds = ["attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning"];

    public DirectiveShape Shape { get; } = titled ? DirectiveShape.OneArgument : DirectiveShape.ContentOnly;

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (input.Content.Count == 0 && input.Name.ToLowerInvariant() is not ("topic" or "sidebar"))
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "Content block expected for the \"" + input.Name + "\" directive; none found.");
            return;
        }
        var kind = input.Name.ToLowerInvariant();
        var admonition = new Admonition { Kind = kind, Span = input.Line.Span, Classes = input.Classes };
        // docutils names a generic admonition's box after its title when no class is given.
        if (kind == "admonition" && input.Classes.Count == 0 && ClassNames.Make(input.Argument) is { Length: > 0 } named)
            admonition.Classes = ["admonition-" + named];
        if (titled) context.DeferInlines(admonition.Title, input.ArgumentLines);
        if (input.Options.FirstOrDefault(o => o.Name == "subtitle") is { } subtitle)
        {
            var text = new Paragraph { Span = subtitle.Line.Span };
            context.DeferInlines(text.Inlines, [subtitle.Line.Dedent(subtitle.ValueOffset)]);
            admonition.Children.Add(new DirectiveBlock { Name = "subtitle", Span = subtitle.Line.Span, Children = { text } });
        }
        admonition.Children.AddRange(context.Body.ParseNested(input.Content));
        sink.Add(admonition);
    }
}
