using Errata.Documents.Rst;
using Errata.Documents.Syntax;
using System.Text.RegularExpressions;
using System.Text;

namespace Errata.Documents.Tests.Rst;

/// <summary>
/// The comparable form of the differential test: an indented outline of block kinds, with
/// inline content written as one normalised string (emphasis, strong, literal, references,
/// roles, footnote and substitution references marked where they start; whitespace collapsed
/// and ignored at markup boundaries). Pseudo-XML drops a text node's final newline and cannot
/// show where an inline element's text ends when the text after it starts with spaces, so
/// neither is compared. Written from
/// docutils' parse-only pseudo-XML and from Errata's document model alike.
/// </summary>
/// <remarks>
/// Classes are compared on the blocks an author can give them to (<c>:class:</c>, <c>container</c>,
/// <c>class</c>), written after the kind (<c>p.special:</c>), except those docutils adds itself
/// (table column widths, the quote directives' names) and those of literal blocks, where docutils
/// also keeps the code's language.
/// Left out on both sides, because they do not show on a page or are docutils bookkeeping:
/// ids, names, backrefs, comments, targets, substitution definitions, raw output,
/// meta, and docutils' messages (a message's literal block, the source it quotes, is kept:
/// Errata shows that text too). Stand-ins for Sphinx and kernel directives compare by name.
/// Reference targets are not compared (docutils resolves them only in its transforms).
/// </remarks>
internal static partial class Outline
{
    private static readonly HashSet<string> AdmonitionTags = ["note", "warning", "tip", "important", "attention", "caution", "danger", "error", "hint", "admonition", "topic", "sidebar"];
    private static readonly HashSet<string> NativeContainers = ["container", "compound", "rubric", "subtitle"];
    private static readonly HashSet<string> DocutilsOwnClasses = ["colwidths-auto", "colwidths-given", "epigraph", "highlights", "pull-quote"];

    // ---------- docutils side ----------

    public static string FromPseudoXml(PxNode document)
    {
        var sb = new StringBuilder();
        foreach (var child in document.Elements) Block(child, 0, sb);
        return sb.ToString();
    }

    private static void Block(PxNode n, int depth, StringBuilder sb)
    {
        switch (n.Tag)
        {
            case "comment" or "target" or "substitution_definition" or "raw" or "meta" or "header" or "footer" or "decoration" or "colspec":
                return;
            case "system_message":
                foreach (var l in n.Elements.Where(e => e.Tag == "literal_block")) Block(l, depth, sb);
                return;
            case "pending":
                if (n.Children.OfType<string>().Any(t => t.Contains("parts.Contents", StringComparison.Ordinal))) Line(sb, depth, "contents");
                return;
            case "section":
                Line(sb, depth, "section" + Classed(n));
                Children(n, depth + 1, sb);
                return;
            case "title":
                Line(sb, depth, "title: " + Inline(n));
                return;
            case "paragraph":
                Line(sb, depth, "p" + Classed(n) + ": " + Inline(n));
                return;
            case "literal_block" or "doctest_block" or "math_block":
                Literal(sb, depth, Lines(n));
                return;
            case "block_quote":
                Line(sb, depth, "quote" + Classed(n));
                Children(n, depth + 1, sb);
                return;
            case "attribution":
                Line(sb, depth, "attribution: " + Inline(n));
                return;
            case "bullet_list":
                Line(sb, depth, "ul");
                Children(n, depth + 1, sb);
                return;
            case "enumerated_list":
                Line(sb, depth, $"ol {n.Attribute("enumtype")} {n.Attribute("start") ?? "1"}");
                Children(n, depth + 1, sb);
                return;
            case "list_item":
                Line(sb, depth, "li");
                Children(n, depth + 1, sb);
                return;
            case "definition_list" or "definition_list_item" or "definition" or "field_list" or "field" or "field_body"
                or "option_list" or "option_list_item" or "description" or "line_block" or "thead" or "tbody" or "row" or "legend":
                Line(sb, depth, Kind(n.Tag) + (n.Tag is "line_block" ? Classed(n) : ""));
                Children(n, depth + 1, sb);
                return;
            case "term" or "classifier" or "field_name" or "line" or "caption" or "rubric" or "subtitle":
                Line(sb, depth, Kind(n.Tag) + ": " + Inline(n));
                return;
            case "option_group":
                Line(sb, depth, "group: " + string.Join(", ", n.Elements.Select(OptionText)));
                return;
            case "table":
                Line(sb, depth, "table" + Classed(n));
                foreach (var c in n.Elements)
                {
                    if (c.Tag == "title") Line(sb, depth + 1, "caption: " + Inline(c));
                    else foreach (var g in c.Elements) Block(g, depth + 1, sb);
                }
                return;
            case "entry":
                var span = n.Attribute("morecols") is null && n.Attribute("morerows") is null ? "" : $" span={1 + int.Parse(n.Attribute("morecols") ?? "0")},{1 + int.Parse(n.Attribute("morerows") ?? "0")}";
                Line(sb, depth, "cell" + span);
                Children(n, depth + 1, sb);
                return;
            case "footnote" or "citation":
                Line(sb, depth, n.Tag);
                foreach (var c in n.Elements.Where(e => e.Tag != "label")) Block(c, depth + 1, sb);
                return;
            case "image":
                Line(sb, depth, "image " + n.Attribute("uri") + Classed(n));
                return;
            case "reference" when n.Elements.FirstOrDefault() is { Tag: "image" } linked:
                Line(sb, depth, "image " + linked.Attribute("uri") + Classed(linked));
                return;
            case "figure":
                var figureImage = n.Elements.First(e => e.Tag == "image");
                Line(sb, depth, "figure" + Classed(n) + " " + figureImage.Attribute("uri") + Classed(figureImage));
                foreach (var c in n.Elements.Where(e => e.Tag != "image")) Block(c, depth + 1, sb);
                return;
            case "transition":
                Line(sb, depth, "transition");
                return;
            case "topic" when n.Attribute("classes")?.Split(' ').Contains("contents") == true:
                Line(sb, depth, "contents");
                return;
            case "container" when n.Attribute("stub") is { } stub:
                Line(sb, depth, "stub " + stub);
                return;
            case "container" or "compound":
                Line(sb, depth, "directive " + n.Tag + Classed(n));
                Children(n, depth + 1, sb);
                return;
        }
        if (AdmonitionTags.Contains(n.Tag))
        {
            Line(sb, depth, "admonition " + n.Tag + Classed(n));
            Children(n, depth + 1, sb);
            return;
        }
        Line(sb, depth, "?" + n.Tag);
    }

    private static string Classed(PxNode n) =>
        Classed((n.Attribute("classes") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => !DocutilsOwnClasses.Contains(c)).ToList());

    private static string Kind(string tag) => tag switch
    {
        "definition_list" => "dl",
        "definition_list_item" => "dli",
        "definition" => "dd",
        "field_list" => "fields",
        "field_name" => "name",
        "field_body" => "body",
        "option_list" => "options",
        "option_list_item" => "option-item",
        "line_block" => "lines",
        "thead" => "head",
        "tbody" => "body",
        _ => tag,
    };

    private static string OptionText(PxNode option) =>
        string.Concat(option.Elements.Select(e => e.Tag == "option_argument" ? e.Attribute("delimiter") + Text(e) : Text(e)));

    private static void Children(PxNode n, int depth, StringBuilder sb)
    {
        foreach (var c in n.Elements) Block(c, depth, sb);
    }

    private static string Text(PxNode n) => string.Join("\n", n.Children.Select(c => c as string ?? Text((PxNode)c)));

    private static List<string> Lines(PxNode n) => [.. n.Children.SelectMany(c => c is string s ? [s] : ((PxNode)c).Children.OfType<string>())];

    private static string Inline(PxNode n) => Collapse(InlineRaw(n));

    private static string InlineRaw(PxNode n)
    {
        var sb = new StringBuilder();
        var previousText = false;
        foreach (var c in n.Children)
        {
            if (c is string s)
            {
                if (previousText) sb.Append('\n');
                sb.Append(s);
                previousText = true;
                continue;
            }
            previousText = false;
            var e = (PxNode)c;
            var inner = InlineRaw(e);
            sb.Append(e.Tag switch
            {
                "emphasis" => $" * {inner} ",
                "strong" => $" ** {inner} ",
                "literal" => $" `` {inner} ",
                "reference" => $" [ {inner} ",
                "footnote_reference" or "citation_reference" => $" [# {inner} ",
                "substitution_reference" => $" | {inner} ",
                "title_reference" => $" ` {inner} ",
                "inline" when e.Attribute("role") is { } role => $" :{role}: {inner} ",
                "subscript" or "superscript" or "abbreviation" or "acronym" or "math" => $" :{e.Tag}: {inner} ",
                "target" => " " + inner,
                "image" or "raw" => "",
                _ => inner,
            });
        }
        return sb.ToString();
    }

    // ---------- Errata side ----------

    public static string FromModel(Document document)
    {
        var sb = new StringBuilder();
        foreach (var b in document.Children) Block(b, 0, sb);
        return sb.ToString();
    }

    private static void Block(Block b, int depth, StringBuilder sb)
    {
        switch (b)
        {
            case Comment or Target or SubstitutionDefinition or HtmlBlock:
                return;
            case Section s:
                Line(sb, depth, "section" + Classed(s.Classes));
                Line(sb, depth + 1, "title: " + Inline(s.Title));
                Blocks(s.Children, depth + 1, sb);
                return;
            case Paragraph p:
                Line(sb, depth, "p" + Classed(p.Classes) + ": " + Inline(p.Inlines));
                return;
            case LiteralBlock l:
                Literal(sb, depth, [.. l.Text.Split('\n')]);
                return;
            case BlockQuote q:
                Line(sb, depth, "quote" + Classed(q.Classes));
                Blocks(q.Children, depth + 1, sb);
                if (q.Attribution.Count > 0) Line(sb, depth + 1, "attribution: " + Inline(q.Attribution));
                return;
            case BulletList ul:
                Line(sb, depth, "ul");
                Blocks(ul.Items, depth + 1, sb);
                return;
            case OrderedList ol:
                Line(sb, depth, $"ol {ol.Style.ToString().ToLowerInvariant()} {ol.Start}");
                Blocks(ol.Items, depth + 1, sb);
                return;
            case ListItem li:
                Line(sb, depth, "li");
                Blocks(li.Children, depth + 1, sb);
                return;
            case DefinitionList dl:
                Line(sb, depth, "dl");
                foreach (var item in dl.Items)
                {
                    Line(sb, depth + 1, "dli");
                    Line(sb, depth + 2, "term: " + Inline(item.Term));
                    foreach (var c in item.Classifiers) Line(sb, depth + 2, "classifier: " + Inline(c));
                    Line(sb, depth + 2, "dd");
                    Blocks(item.Children, depth + 3, sb);
                }
                return;
            case FieldList fl:
                Line(sb, depth, "fields");
                foreach (var f in fl.Fields)
                {
                    Line(sb, depth + 1, "field");
                    Line(sb, depth + 2, "name: " + Inline(f.Name));
                    Line(sb, depth + 2, "body");
                    Blocks(f.Children, depth + 3, sb);
                }
                return;
            case OptionList ol:
                Line(sb, depth, "options");
                foreach (var item in ol.Items)
                {
                    Line(sb, depth + 1, "option-item");
                    Line(sb, depth + 2, "group: " + string.Join(", ", item.Options));
                    Line(sb, depth + 2, "description");
                    Blocks(item.Children, depth + 3, sb);
                }
                return;
            case LineBlock lb:
                Line(sb, depth, "lines" + Classed(lb.Classes));
                Blocks(lb.Children, depth + 1, sb);
                return;
            case LineBlockLine line:
                Line(sb, depth, "line: " + Inline(line.Inlines));
                return;
            case Table t:
                Line(sb, depth, "table" + Classed(t.Classes));
                if (t.Caption.Count > 0) Line(sb, depth + 1, "caption: " + Inline(t.Caption));
                Rows("head", t.Head, depth + 1, sb);
                Rows("body", t.Body, depth + 1, sb);
                return;
            case Admonition a:
                Line(sb, depth, "admonition " + a.Kind + Classed(a.Classes));
                if (a.Title.Count > 0) Line(sb, depth + 1, "title: " + Inline(a.Title));
                Blocks(a.Children, depth + 1, sb);
                return;
            // What docutils' transforms add, which its parse-only tree does not hold yet.
            case DirectiveBlock { Name: "target-notes" }:
                return;
            case DirectiveBlock d when NativeContainers.Contains(d.Name):
                if (d.Name is "rubric" or "subtitle")
                {
                    Line(sb, depth, d.Name + ": " + Inline(((Paragraph)d.Children[0]).Inlines));
                    return;
                }
                Line(sb, depth, "directive " + d.Name + Classed(d.Classes));
                Blocks(d.Children, depth + 1, sb);
                return;
            case DirectiveBlock d:
                Line(sb, depth, "stub " + d.Name);
                return;
            case TocTree:
                Line(sb, depth, "stub toctree");
                return;
            case Contents:
                Line(sb, depth, "contents");
                return;
            case Figure f when f.IsFigure:
                Line(sb, depth, "figure" + Classed(f.Classes) + " " + f.Image.Url + Classed(f.Image.Classes));
                if (f.Caption.Count > 0) Line(sb, depth + 1, "caption: " + Inline(f.Caption));
                if (f.Children.Count > 0)
                {
                    Line(sb, depth + 1, "legend");
                    Blocks(f.Children, depth + 2, sb);
                }
                return;
            case Figure f:
                Line(sb, depth, "image " + f.Image.Url + Classed(f.Image.Classes));
                return;
            case Footnote fn:
                Line(sb, depth, fn.IsCitation ? "citation" : "footnote");
                Blocks(fn.Children, depth + 1, sb);
                return;
            case Transition:
                Line(sb, depth, "transition");
                return;
            default:
                Line(sb, depth, "?" + b.GetType().Name);
                return;
        }
    }

    private static void Rows(string kind, List<TableRow> rows, int depth, StringBuilder sb)
    {
        if (rows.Count == 0) return;
        Line(sb, depth, kind);
        foreach (var row in rows)
        {
            Line(sb, depth + 1, "row");
            foreach (var cell in row.Cells)
            {
                Line(sb, depth + 2, "cell" + (cell.ColSpan == 1 && cell.RowSpan == 1 ? "" : $" span={cell.ColSpan},{cell.RowSpan}"));
                Blocks(cell.Children, depth + 3, sb);
            }
        }
    }

    private static void Blocks<T>(IEnumerable<T> blocks, int depth, StringBuilder sb) where T : Block
    {
        foreach (var b in blocks) Block(b, depth, sb);
    }

    private static string Inline(IEnumerable<Inline> inlines) => Collapse(InlineRaw(inlines));

    private static string InlineRaw(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var i in inlines)
        {
            sb.Append(i switch
            {
                Text t => t.Value,
                Emphasis e => $" * {InlineRaw(e.Children)} ",
                Strong s => $" ** {InlineRaw(s.Children)} ",
                Code c => $" `` {c.Value} ",
                Link { Children: [SubstitutionReference r] } => $" [ | {r.Name} ",
                Link l => $" [ {InlineRaw(l.Children)} ",
                FootnoteReference f when f.Label.StartsWith(TargetNotes.LabelPrefix, StringComparison.Ordinal) => "",
                InterpretedText { Role: "sectnum" } => "",
                FootnoteReference f => f.IsCitation || int.TryParse(f.Label, out _) ? $" [# {f.Label} " : " [# ",
                SubstitutionReference r => $" | {r.Name} ",
                InterpretedText { Role: "title-reference" } x => $" ` {InlineRaw(x.Children)} ",
                InterpretedText x => $" :{x.Role}: {InlineRaw(x.Children)} ",
                InlineTarget t => " " + InlineRaw(t.Children),
                LineBreak => "\n",
                _ => "",
            });
        }
        return sb.ToString();
    }

    // ---------- shared ----------

    private static string Classed(IReadOnlyList<string> classes) => string.Concat(classes.Select(c => "." + c));

    private static void Line(StringBuilder sb, int depth, string text) => sb.Append(' ', depth * 2).Append(text).Append('\n');

    private static void Literal(StringBuilder sb, int depth, List<string> lines)
    {
        var trimmed = lines.Select(l => l.TrimEnd()).ToList();
        while (trimmed.Count > 0 && trimmed[^1].Length == 0) trimmed.RemoveAt(trimmed.Count - 1);
        while (trimmed.Count > 0 && trimmed[0].Length == 0) trimmed.RemoveAt(0);
        Line(sb, depth, "literal");
        foreach (var l in trimmed) Line(sb, depth + 1, "| " + l);
    }

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
