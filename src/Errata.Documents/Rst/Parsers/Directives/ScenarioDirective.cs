using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>.. scenario:: NAME</c>: options become the scenario's header lines and the content its
/// body, so the scenario language reads both formats alike (see docs/guide/scenarios.md).
/// </summary>
/// <remarks>
/// Each option <c>:key: value</c> becomes the line <c>"key: value"</c>. Its origin is placed
/// so that offset <c>key.Length + 2</c> (where the value starts in that line) is the value's
/// column in the document: with one space after the marker the origin is the option name's
/// own column; with more spaces it moves right by as many. An error at offset N of the line
/// is therefore reported at the option's line for any N inside the value's first line, and at
/// the line and column it came from for N in a continuation line (the value is read as one
/// line, continuation lines joined by spaces). Body lines keep their indentation relative to
/// the directive's content and their origin is the column where that text starts. Text is
/// tab-expanded as docutils reads it; every column a line maps back to (<see cref="RstColumns"/>)
/// is a column of the file as written.
/// </remarks>
internal sealed class ScenarioDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var span = input.Line.SpanAt(0, input.Line.Text.Length);
        var name = input.Argument.Trim();
        if (name.Length == 0)
        {
            context.Report(DocumentErrors.ScenarioWithoutName, span, ".. scenario:: NAME");
            name = $"line-{input.Line.Line + 1}";
        }
        var lines = new List<SourceLine>();
        foreach (var option in input.Options)
        {
            var value = option.Value.ReplaceLineEndings(" ");
            var valueColumn = option.ValueOffset;
            var text = $"{option.Name}: {value}";
            var originOffset = valueColumn - (option.Name.Length + 2);
            var key = option.Line.Dedent(originOffset);
            var pieces = option.ValuePieces().Select(p => (option.Name.Length + 2 + p.Offset, p.Line));
            lines.Add(new SourceLine(text, option.Line.SpanAt(originOffset, text.Length)) { Columns = new RstColumns([(0, key), .. pieces]) });
        }
        if (input.Content.Count == 0)
            context.Report(RstErrors.ScenarioWithoutBody, span, name);
        foreach (var line in input.Content)
            lines.Add(new SourceLine(line.Text, line.SpanAt(0, line.Text.Length)) { Columns = new RstColumns([(0, line)]) });
        sink.Add(new ScenarioBlock { Name = name, Lines = lines, Span = span });
    }
}
