using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;
using Markdig;
using Md = Markdig.Syntax;
using MdInlines = Markdig.Syntax.Inlines;
using MdTables = Markdig.Extensions.Tables;

namespace Errata.Documents.Markdown;

/// <summary>
/// Reads Markdown with Markdig (CommonMark plus pipe tables) into the document model.
/// Headings become nested sections; a ```scenario NAME fence becomes a <see cref="ScenarioBlock"/>.
/// </summary>
public sealed class MarkdownReader : IDocumentReader
{
    private static readonly MarkdownPipeline DefaultPipeline = new MarkdownPipelineBuilder
    {
        // Above the converter's limit, so input nested a little too deep is reported at the
        // exact node; Markdig refuses only input far deeper than any page.
        MaximumNestingDepth = 2 * NestingLimit.MaxDepth,
    }
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    private readonly MarkdownPipeline _pipeline;

    public MarkdownReader() : this(DefaultPipeline) { }

    /// <summary>A reader over another Markdig pipeline: tests use it to meet constructs the default pipeline never produces.</summary>
    internal MarkdownReader(MarkdownPipeline pipeline) => _pipeline = pipeline;

    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public Document Read(string path, string text, ReadContext context)
    {
        var doc = new Document(path) { Span = new SourceSpan(path, 0, 0, text.Length) };
        ControlCharacters.Report(path, text, doc.Diagnostics);
        if (Parse(path, text, _pipeline, doc.Diagnostics) is not { } md) return doc;
        new Converter(path, text, doc, context.AllowRaw).Convert(md);
        doc.Title = doc.Children.OfType<Section>().Select(s => Slug.PlainText(s.Title)).FirstOrDefault();
        return doc;
    }

    /// <summary>
    /// Markdig throws on input nested deeper than its limit (and any exception of its own would
    /// end the process): both become a diagnostic at the most deeply nested place in the text.
    /// </summary>
    private static Md.MarkdownDocument? Parse(string path, string text, MarkdownPipeline pipeline, List<Diagnostic> diagnostics)
    {
        try
        {
            return Markdig.Markdown.Parse(text, pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var at = DeepestPoint.Find(path, text, NestingLimit.MaxDepth, out var depth);
            diagnostics.Add(depth > NestingLimit.MaxDepth
                ? DocumentErrors.NestingTooDeep.At(at, NestingLimit.MaxDepth)
                : DocumentErrors.MarkdownRefused.At(at, e.Message));
            return null;
        }
    }

    private sealed class Converter(string path, string text, Document doc, bool allowRaw)
    {
        private readonly Slug _slugs = new();
        private readonly Stack<Section> _open = new();
        private int _depth;

        /// <summary>Converts one node a level deeper, or reports it when that is past the limit.</summary>
        private T? Nested<T, TSource>(TSource node, Func<TSource, T?> convert) where T : class where TSource : Md.MarkdownObject
        {
            if (_depth >= NestingLimit.MaxDepth)
            {
                doc.Diagnostics.Add(DocumentErrors.NestingTooDeep.At(SpanOf(node), NestingLimit.MaxDepth));
                return null;
            }
            _depth++;
            try
            {
                return convert(node);
            }
            finally
            {
                _depth--;
            }
        }

        public void Convert(Md.MarkdownDocument md)
        {
            foreach (var block in md)
            {
                if (block is Md.HeadingBlock h)
                {
                    while (_open.Count > 0 && _open.Peek().Level >= h.Level) _open.Pop();
                    var section = new Section { Level = h.Level, Span = SpanOf(h) };
                    if (h.Inline is not null) section.Title.AddRange(Inlines(h.Inline));
                    section.Id = _slugs.Unique(Slug.PlainText(section.Title));
                    Current.Add(section);
                    _open.Push(section);
                }
                else
                {
                    Current.AddRange(Blocks(block));
                }
            }
        }

        private List<Block> Current => _open.Count > 0 ? _open.Peek().Children : doc.Children;

        private List<int>? _lineStarts;

        /// <summary>
        /// Where Markdig says the object is; when its line and column fall outside the text (it
        /// miscounts inlines of a setext heading whose text is long), where its offset is.
        /// </summary>
        private SourceSpan SpanOf(Md.MarkdownObject o)
        {
            var length = Math.Max(0, o.Span.Length);
            var starts = _lineStarts ??= LineStarts(text);
            if (o.Line >= 0 && o.Line < starts.Count && o.Column >= 0 && o.Column <= LineLength(starts, o.Line))
                return new(path, o.Line, o.Column, length);
            var offset = Math.Clamp(o.Span.Start, 0, text.Length);
            var line = starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return new(path, line, offset - starts[line], length);
        }

        private int LineLength(List<int> starts, int line)
        {
            var end = line + 1 < starts.Count ? starts[line + 1] - 1 : text.Length;
            if (end > starts[line] && text[end - 1] == '\r') end--;
            return end - starts[line];
        }

        private static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
                if (text[i] == '\n') starts.Add(i + 1);
            return starts;
        }

        private Block? ConvertBlock(Md.Block block) => Nested(block, ConvertBlockHere);

        /// <summary>
        /// The blocks a Markdig block becomes: one, none, or for a container the model has no
        /// node for, its children in its place, with a warning at it.
        /// </summary>
        private IEnumerable<Block> Blocks(Md.Block block)
        {
            if (block is not Md.ContainerBlock container || IsKnown(container))
                return ConvertBlock(block) is { } b ? [b] : [];
            Unsupported("block", container);
            return Nested(container, c => c.SelectMany(Blocks).ToList()) ?? [];
        }

        private static bool IsKnown(Md.ContainerBlock c) =>
            c is Md.QuoteBlock or Md.ListBlock or MdTables.Table or Md.LinkReferenceDefinitionGroup;

        private void Unsupported(string kind, Md.MarkdownObject node) =>
            doc.Diagnostics.Add(MarkdownErrors.UnsupportedContainer.At(SpanOf(node), kind, node.GetType().Name));

        private Block? ConvertBlockHere(Md.Block block) => block switch
        {
            Md.FencedCodeBlock f when IsScenario(f) => Scenario(f),
            Md.FencedCodeBlock f when f.Info == "gaps" => GapTable(f),
            Md.CodeBlock c => new LiteralBlock
            {
                Text = c.Lines.ToString(),
                Language = (c as Md.FencedCodeBlock)?.Info is { Length: > 0 } info ? info : null,
                Span = SpanOf(c),
            },
            Md.ParagraphBlock p => Fill(new Paragraph { Span = SpanOf(p) }, p.Inline),
            Md.HeadingBlock h => Fill(new Paragraph { Span = SpanOf(h) }, h.Inline),
            Md.QuoteBlock q => FillBlocks(new BlockQuote { Span = SpanOf(q) }, q),
            Md.ListBlock l => List(l),
            Md.ThematicBreakBlock t => new Transition { Span = SpanOf(t) },
            // Raw HTML passes through only when the site allows it; otherwise it shows as the text it is.
            Md.HtmlBlock html when allowRaw => new HtmlBlock { Html = html.Lines.ToString() + "\n", Span = SpanOf(html) },
            Md.HtmlBlock html => new Paragraph { Span = SpanOf(html) }.With(new Text { Value = html.Lines.ToString(), Span = SpanOf(html) }),
            MdTables.Table t => Table(t),
            Md.LinkReferenceDefinitionGroup => null,
            _ => null,
        };

        private static bool IsScenario(Md.FencedCodeBlock f) => f.Info == "scenario";

        private Block Scenario(Md.FencedCodeBlock f)
        {
            var span = SpanOf(f);
            var name = f.Arguments?.Trim() ?? "";
            if (name.Length == 0)
                doc.Diagnostics.Add(DocumentErrors.ScenarioWithoutName.At(span with { Length = 3 }, "```scenario NAME"));
            var lines = new List<SourceLine>();
            // Markdig leaves the line array null for a fence with no lines at all.
            foreach (var line in (f.Lines.Lines ?? []).Take(f.Lines.Count))
                lines.Add(new SourceLine(line.Slice.ToString(), new SourceSpan(path, line.Line, line.Column, line.Slice.Length)));
            return new ScenarioBlock { Name = name.Length == 0 ? $"line-{f.Line + 1}" : name, Lines = lines, Span = span };
        }

        /// <summary>```gaps [site]: where the gap table goes; the fence's lines, if any, are not read.</summary>
        private GapTableBlock GapTable(Md.FencedCodeBlock f)
        {
            var span = SpanOf(f);
            var argument = f.Arguments ?? "";
            if (!GapTableBlock.TryScope(argument, out var wholeSite))
                doc.Diagnostics.Add(GapTableErrors.BadScope.At(span with { Length = 3 }, argument.Trim()));
            return new GapTableBlock { WholeSite = wholeSite, Span = span };
        }

        private Block List(Md.ListBlock l)
        {
            List<ListItem> items;
            Block result;
            if (l.IsOrdered)
            {
                var start = int.TryParse(l.OrderedStart, out var s) ? s : 1;
                var ol = new OrderedList { Start = start, Span = SpanOf(l) };
                items = ol.Items;
                result = ol;
            }
            else
            {
                var ul = new BulletList { Span = SpanOf(l) };
                items = ul.Items;
                result = ul;
            }
            // An item is a level of its own, as it is in the tree the renderers walk.
            foreach (var item in l.OfType<Md.ListItemBlock>())
                if (Nested(item, ListItem) is { } li) items.Add(li);
            return result;
        }

        private ListItem ListItem(Md.ListItemBlock item) => FillBlocks(new ListItem { Span = SpanOf(item) }, item);

        private Block Table(MdTables.Table t)
        {
            var table = new Table { Span = SpanOf(t) };
            foreach (var row in t.OfType<MdTables.TableRow>())
            {
                var r = new TableRow { Span = SpanOf(row) };
                foreach (var cell in row.OfType<MdTables.TableCell>())
                {
                    var c = new TableCell { Span = SpanOf(cell), ColSpan = Math.Max(1, cell.ColumnSpan), RowSpan = Math.Max(1, cell.RowSpan) };
                    foreach (var child in cell)
                    {
                        // A pipe-table cell holds one paragraph; render its inlines without a <p>.
                        if (child is Md.ParagraphBlock p && p.Inline is not null)
                            c.Children.Add(Fill(new Paragraph { Span = SpanOf(p) }, p.Inline));
                        else c.Children.AddRange(Blocks(child));
                    }
                    r.Cells.Add(c);
                }
                (row.IsHeader ? table.Head : table.Body).Add(r);
            }
            return table;
        }

        private T FillBlocks<T>(T target, Md.ContainerBlock source) where T : ContainerBlock
        {
            foreach (var child in source)
                target.Children.AddRange(Blocks(child));
            return target;
        }

        private T Fill<T>(T target, MdInlines.ContainerInline? inline) where T : LeafBlock
        {
            if (inline is not null) target.Inlines.AddRange(Inlines(inline));
            return target;
        }

        private IEnumerable<Inline> Inlines(MdInlines.ContainerInline container)
        {
            foreach (var inline in container)
                foreach (var i in InlinesOf(inline))
                    yield return i;
        }

        /// <summary>As <see cref="Blocks"/> for inlines: an unknown container's children stand in its place.</summary>
        private IEnumerable<Inline> InlinesOf(MdInlines.Inline inline)
        {
            // By exact type: extensions derive their own containers from emphasis (custom containers do).
            if (inline is not MdInlines.ContainerInline container || inline is MdInlines.LinkInline || inline.GetType() == typeof(MdInlines.EmphasisInline))
                return ConvertInline(inline) is { } i ? [i] : [];
            Unsupported("inline", container);
            return Nested(container, c => Inlines(c).ToList()) ?? [];
        }

        private Inline? ConvertInline(MdInlines.Inline inline) => Nested(inline, ConvertInlineHere);

        private Inline? ConvertInlineHere(MdInlines.Inline inline) => inline switch
        {
            MdInlines.LiteralInline l => new Text { Value = l.Content.ToString(), Span = SpanOf(l) },
            MdInlines.CodeInline c => new Code { Value = c.Content, Span = SpanOf(c) },
            MdInlines.EmphasisInline e when e.DelimiterCount >= 2 => FillInline(new Strong { Span = SpanOf(e) }, e),
            MdInlines.EmphasisInline e => FillInline(new Emphasis { Span = SpanOf(e) }, e),
            MdInlines.LinkInline { IsImage: true } img => new Image
            {
                Url = img.GetDynamicUrl?.Invoke() ?? img.Url ?? "",
                Alt = Slug.PlainText(Inlines(img)),
                Span = SpanOf(img),
            },
            MdInlines.LinkInline link => FillInline(new Link { Url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "", Title = link.Title, Span = SpanOf(link) }, link),
            MdInlines.AutolinkInline a => new Link { Url = a.IsEmail ? "mailto:" + a.Url : a.Url, Span = SpanOf(a) }.With(new Text { Value = a.Url }),
            MdInlines.LineBreakInline br => new LineBreak { Hard = br.IsHard, Span = SpanOf(br) },
            MdInlines.HtmlInline h when allowRaw => new HtmlInline { Html = h.Tag, Span = SpanOf(h) },
            MdInlines.HtmlInline h => new Text { Value = h.Tag, Span = SpanOf(h) },
            MdInlines.HtmlEntityInline e => new Text { Value = e.Transcoded.ToString(), Span = SpanOf(e) },
            _ => null,
        };

        private T FillInline<T>(T target, MdInlines.ContainerInline source) where T : ContainerInline
        {
            target.Children.AddRange(Inlines(source));
            return target;
        }
    }
}

internal static class NodeExtensions
{
    public static Link With(this Link link, Inline child)
    {
        link.Children.Add(child);
        return link;
    }

    public static Paragraph With(this Paragraph paragraph, Inline child)
    {
        paragraph.Inlines.Add(child);
        return paragraph;
    }
}
