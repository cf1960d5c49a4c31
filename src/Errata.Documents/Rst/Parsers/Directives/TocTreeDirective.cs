using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>Sphinx's <c>toctree</c>: one document per content line (<c>Title &lt;doc&gt;</c> keeps the document).</summary>
internal sealed class TocTreeDirective : IDirective
{
    public DirectiveShape Shape { get; } = new();

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        var toc = new TocTree { MaxDepth = int.TryParse(input.Option("maxdepth"), out var d) ? d : 0, Span = input.Line.Span };
        foreach (var line in input.Content)
        {
            var entry = line.Text.Trim();
            if (entry.Length == 0) continue;
            var open = entry.LastIndexOf('<');
            var titled = open > 0 && entry.EndsWith('>');
            toc.Entries.Add(titled ? entry[(open + 1)..^1] : entry);
            toc.Titles.Add(titled ? entry[..open].TrimEnd() : null);
        }
        if (input.Options.FirstOrDefault(o => o.Name == "caption") is { } caption)
            context.DeferInlines(toc.Caption, [caption.Line.Dedent(caption.ValueOffset)]);
        sink.Add(toc);
    }
}
