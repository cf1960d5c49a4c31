namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>sectnum</c> (also <c>section-numbering</c>): numbers the document's sections once it is
/// read (<see cref="SectionNumbers"/>); options <c>:depth:</c>, <c>:start:</c>,
/// <c>:prefix:</c> and <c>:suffix:</c> as in docutils.
/// </summary>
internal sealed class SectNumDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(HasContent: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var depth = int.TryParse(input.Option("depth"), out var d) ? d : int.MaxValue;
        var start = int.TryParse(input.Option("start"), out var s) ? s : 1;
        context.SectionNumbers = new SectionNumbers(depth, start, input.Option("prefix") ?? "", input.Option("suffix") ?? "");
    }
}
