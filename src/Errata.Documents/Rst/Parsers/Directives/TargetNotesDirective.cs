using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary><c>target-notes</c>: where the footnotes listing the document's external link targets go, filled once it is read (<see cref="TargetNotes"/>).</summary>
internal sealed class TargetNotesDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(HasContent: false);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink) =>
        sink.Add(new DirectiveBlock { Name = "target-notes", Span = input.Line.Span });
}
