namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// Directives about the page rather than its body (<c>meta</c>, <c>title</c>, <c>header</c>,
/// <c>footer</c>): accepted and left to the site.
/// </summary>
internal sealed class MetadataDirective : IDirective
{
    public static readonly string[] Names = ["meta", "title", "header", "footer"];

    public DirectiveShape Shape { get; } = new(Optional: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
    }
}
