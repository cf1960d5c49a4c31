using Errata.Documents.Rst.Parsers.Tables;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// docutils' <c>csv-table</c>: rows of comma-separated values in the content or in a file
/// (<c>:file:</c>, found as <c>include</c> finds files), each cell read as RST; <c>:header:</c> holds head rows in the same format, <c>:header-rows:</c> takes
/// head rows from the content; <c>:delim:</c>, <c>:quote:</c>, <c>:escape:</c> and
/// <c>:keepspace:</c> change the dialect. Short rows are filled with empty cells, as docutils does.
/// </summary>
internal sealed class CsvTableDirective : IDirective
{
    public DirectiveShape Shape { get; } = DirectiveShape.OptionalArgument;

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (input.HasOption("url"))
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "CSV data from a URL (\"url\" option) is not read: the site loads nothing from elsewhere; put the rows in the content or in a file (\"file\" option).");
            return;
        }
        var data = input.Content;
        if (input.Option("file") is { } path)
        {
            if (input.Content.Count > 0)
            {
                DirectiveParser.Fail(context, sink, input.Name, input.Block, "\"csv-table\" directive may not both specify an external file and have content.");
                return;
            }
            if (IncludedFile.Read(context, path, input.Line.Span) is not { } file) return;
            // Python's csv reader ends with the file's last line; a final line break adds no row.
            data = [.. new SourceText(file.Display, file.Text).Lines.Reverse().SkipWhile(l => l.IsBlank).Reverse()];
        }
        if (data.Count == 0)
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "No content for the \"csv-table\" directive: rows of comma-separated values expected.");
            return;
        }
        var dialect = new CsvRows.Dialect(
            Character(input.Option("delim")) ?? ',', Character(input.Option("quote")) ?? '"', Character(input.Option("escape")), input.HasOption("keepspace"));
        string? headError = null;
        var head = input.Options.LastOrDefault(o => o.Name == "header") is { } header
            ? CsvRows.Read([.. header.ValuePieces().Select(p => p.Line.Dedent(p.Line.Indent))], dialect, out headError)
            : [];
        var body = CsvRows.Read(data, dialect, out var error);
        if (head is null || body is null)
        {
            DirectiveParser.Fail(context, sink, input.Name, input.Block, "Error with CSV data in \"csv-table\" directive:\n" + (error ?? headError));
            return;
        }
        var rows = head.Concat(body).ToList();
        var width = rows.Max(r => r.Count);
        var table = ListTableRows.Build(context, input, [.. rows.Select(r => Cells(context, r, width, input.Line))]);
        // :header: rows come first; :header-rows: counts the content's rows after them.
        var more = Math.Min(table.Body.Count, head.Count);
        table.Head.AddRange(table.Body.Take(more));
        table.Body.RemoveRange(0, more);
        sink.Add(table);
    }

    private static List<TableCell> Cells(RstContext context, List<List<RstLine>> row, int width, RstLine directive)
    {
        var cells = row.Select(lines => new TableCell { Span = lines[0].Span }.With(context.Body.ParseNested(Trimmed(lines)))).ToList();
        while (cells.Count < width) cells.Add(new TableCell { Span = directive.Span });
        return cells;
    }

    /// <summary>A cell's lines as a nested body: each line's own indentation relative to the first is kept.</summary>
    private static List<RstLine> Trimmed(List<RstLine> lines) => [.. lines.Select(l => l.TrimEnd())];

    /// <summary>docutils' single_char_or_whitespace_or_unicode: one character, "tab", "space" or a code like U+0009.</summary>
    private static char? Character(string? value) => value switch
    {
        null or "" => null,
        "tab" => '\t',
        "space" => ' ',
        { Length: 1 } c => c[0],
        _ when (value.StartsWith("U+", StringComparison.OrdinalIgnoreCase) || value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            && ushort.TryParse(value[2..], System.Globalization.NumberStyles.HexNumber, null, out var code) => (char)code,
        _ => value[0],
    };
}
