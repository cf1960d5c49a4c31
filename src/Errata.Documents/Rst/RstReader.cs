using Errata.Diagnostics;
using Errata.Documents.Rst.Parsers.Directives;
using Errata.Documents.Rst.Parsers;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst;

/// <summary>
/// Reads reStructuredText into the document model the way docutils parses it: blocks first
/// (sections, lists, tables, directives...), then all inline text once every target is known.
/// Markup errors become diagnostics and their text stays on the page as a literal block.
/// </summary>
public sealed class RstReader : IDocumentReader
{
    private readonly DirectiveRegistry _directives = DirectiveRegistry.CreateDefault();

    public IReadOnlyList<string> Extensions { get; } = [".rst", ".rest"];

    public Document Read(string path, string text, ReadContext context)
    {
        var document = new Document(path) { Span = new SourceSpan(path, 0, 0, text.Length) };
        // docutils reads vertical tab and form feed as spaces (page breaks in older documents).
        ControlCharacters.Report(path, text.Replace('\v', ' ').Replace('\f', ' '), document.Diagnostics);
        var source = new SourceText(path, text);
        var rst = new RstContext(source, context, document, _directives);
        rst.Body.Parse(source.Lines, new BlockSink(document.Children, allowTitles: true));
        rst.Finish();
        // In docutils' transform order: title first, then numbers, contents and target notes.
        var top = DocTitle.Apply(document);
        DocInfo.Mark(document);
        rst.SectionNumbers?.Apply(top?.Children ?? document.Children);
        ContentsBuilder.Fill(document);
        TargetNotes.Fill(document);
        return document;
    }
}
