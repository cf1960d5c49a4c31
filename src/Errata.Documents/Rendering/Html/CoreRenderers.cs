using Errata.Documents.Syntax;

namespace Errata.Documents.Rendering.Html;

/// <summary>Renderers for the core node types of the document model.</summary>
internal static class CoreRenderers
{
    public static void Register(HtmlRenderer r)
    {
        r.Set<Document>((r, w, n) => r.WriteAll(w, n.Children));
        r.Set<Section>((r, w, n) => SectionRenderer.Write(r, w, n, Math.Clamp(n.Level + 1, 2, 6)));
        r.Set<Paragraph>((r, w, n) => { w.Raw("<p").Classes("", n.Classes).Raw(">"); r.WriteAll(w, n.Inlines); w.Raw("</p>\n"); });
        r.Set<LiteralBlock>((_, w, n) =>
        {
            // Focusable, so that a code block wider than the page scrolls inside itself for the keyboard too.
            w.Raw("<pre tabindex=\"0\"").Classes("", n.Classes).Raw("><code");
            if (n.Language is { Length: > 0 } lang) w.Attribute("class", "language-" + lang);
            w.Raw(">").Text(n.Text).Raw("</code></pre>\n");
        });
        r.Set<BlockQuote>((r, w, n) =>
        {
            w.Raw("<blockquote").Classes("", n.Classes).Raw(">\n");
            r.WriteAll(w, n.Children);
            if (n.Attribution.Count > 0) { w.Raw("<p class=\"attribution\">&mdash; "); r.WriteAll(w, n.Attribution); w.Raw("</p>\n"); }
            w.Raw("</blockquote>\n");
        });
        r.Set<BulletList>((r, w, n) => { w.Raw("<ul").Classes("", n.Classes).Raw(">\n"); r.WriteAll(w, n.Items); w.Raw("</ul>\n"); });
        r.Set<OrderedList>((r, w, n) =>
        {
            w.Raw("<ol").Classes("", n.Classes);
            if (n.Start != 1) w.Attribute("start", n.Start.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var type = n.Style switch
            {
                EnumerationStyle.LowerAlpha => "a",
                EnumerationStyle.UpperAlpha => "A",
                EnumerationStyle.LowerRoman => "i",
                EnumerationStyle.UpperRoman => "I",
                _ => null,
            };
            if (type is not null) w.Attribute("type", type);
            w.Raw(">\n");
            r.WriteAll(w, n.Items);
            w.Raw("</ol>\n");
        });
        r.Set<ListItem>((r, w, n) => { w.Raw("<li>"); r.WriteAll(w, n.Children); w.Raw("</li>\n"); });
        r.Set<Transition>((_, w, _) => w.Raw("<hr>\n"));
        r.Set<HtmlBlock>((_, w, n) => w.Raw(n.Html));
        r.Set<Admonition>((r, w, n) =>
        {
            // The generic admonition's kind is "admonition" itself: named once.
            w.Raw("<aside").Classes(n.Kind == "admonition" ? "admonition" : "admonition " + n.Kind, n.Classes).Raw(">\n<p class=\"admonition-title\">");
            if (n.Title.Count > 0) r.WriteAll(w, n.Title);
            else w.Text(char.ToUpperInvariant(n.Kind[0]) + n.Kind[1..]);
            w.Raw("</p>\n");
            r.WriteAll(w, n.Children);
            w.Raw("</aside>\n");
        });
        r.Set<Table>((r, w, n) =>
        {
            w.Raw("<div class=\"table-wrap\"><table").Classes("", n.Classes).Raw(">\n");
            if (n.Caption.Count > 0) { w.Raw("<caption>"); r.WriteAll(w, n.Caption); w.Raw("</caption>\n"); }
            if (n.Head.Count > 0) { w.Raw("<thead>\n"); WriteRows(r, w, n.Head, "th"); w.Raw("</thead>\n"); }
            w.Raw("<tbody>\n");
            WriteRows(r, w, n.Body, "td");
            w.Raw("</tbody>\n</table></div>\n");
        });
        r.Set<ScenarioBlock>((_, w, n) =>
        {
            w.Raw("<pre class=\"scenario\"").Attribute("id", n.Id).Raw("><code>");
            foreach (var line in n.Lines) w.Text(line.Text).Raw("\n");
            w.Raw("</code></pre>\n");
        });

        // The gap table needs verified scenarios: the site renders it; a document alone shows nothing there.
        r.Set<GapTableBlock>((_, _, _) => { });

        r.Set<Text>((_, w, n) => w.Text(n.Value));
        r.Set<Emphasis>((r, w, n) => { w.Raw("<em>"); r.WriteAll(w, n.Children); w.Raw("</em>"); });
        r.Set<Strong>((r, w, n) => { w.Raw("<strong>"); r.WriteAll(w, n.Children); w.Raw("</strong>"); });
        r.Set<Code>((_, w, n) => w.Raw("<code>").Text(n.Value).Raw("</code>"));
        r.Set<Link>((r, w, n) =>
        {
            w.Raw("<a").Attribute("href", SafeUrl(n.Url));
            if (n.Title is { Length: > 0 } t) w.Attribute("title", t);
            w.Raw(">");
            r.WriteAll(w, n.Children);
            w.Raw("</a>");
        });
        r.Set<Image>((_, w, n) => w.Raw("<img").Attribute("src", SafeUrl(n.Url)).Attribute("alt", n.Alt).Classes("", n.Classes).Raw(">"));
        r.Set<LineBreak>((_, w, n) => w.Raw(n.Hard ? "<br>\n" : "\n"));
        r.Set<HtmlInline>((_, w, n) => w.Raw(n.Html));
    }

    private static void WriteRows(HtmlRenderer r, HtmlWriter w, List<TableRow> rows, string cell)
    {
        foreach (var row in rows)
        {
            w.Raw("<tr>");
            foreach (var c in row.Cells)
            {
                w.Raw("<" + cell);
                if (c.ColSpan > 1) w.Attribute("colspan", c.ColSpan.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (c.RowSpan > 1) w.Attribute("rowspan", c.RowSpan.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.Raw(">");
                r.WriteAll(w, c.Children);
                w.Raw("</" + cell + ">");
            }
            w.Raw("</tr>\n");
        }
    }

    /// <summary>A link target an author wrote must not run script when clicked.</summary>
    private static string SafeUrl(string url)
    {
        var trimmed = url.TrimStart();
        return trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            ? "#"
            : url;
    }
}
