using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// Sphinx and kernel directives whose content is not RST and which the generator does not
/// run (<c>kernel-doc</c> extracts comments from C sources): kept by name with arguments,
/// options and the content as a literal block, so a site extension can take them over.
/// </summary>
internal sealed class StubDirective : IDirective
{
    public static readonly string[] Names =
    [
        "kernel-doc", "kernel-render", "kernel-include", "kernel-feat", "kernel-abi", "maintainers-include", "tabularcolumns",
        "literalinclude", "graphviz", "digraph", "productionlist", "index", "codeauthor", "sectionauthor", "moduleauthor",
    ];

    public DirectiveShape Shape { get; } = new(Optional: 100, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var node = new DirectiveBlock { Name = input.Name.ToLowerInvariant(), Arguments = input.Argument, Span = input.Line.Span };
        foreach (var option in input.Options) node.Options[option.Name] = option.Value;
        if (input.Content.Count > 0) node.Children.Add(LiteralBlockParser.Literal(input.Content));
        sink.Add(node);
    }
}
