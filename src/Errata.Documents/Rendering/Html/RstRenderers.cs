using Errata.Documents.Syntax;

namespace Errata.Documents.Rendering.Html;

/// <summary>HTML for the node types the RST reader adds to the model.</summary>
internal static class RstRenderers
{
    /// <summary>Roles that name code (Sphinx's C domain, literal-like roles): rendered as code.</summary>
    private static bool IsCodeRole(string role) =>
        role.StartsWith("c:", StringComparison.Ordinal) || role.StartsWith("cpp:", StringComparison.Ordinal)
        || role is "func" or "kbd" or "file" or "samp" or "command" or "program" or "option" or "envvar" or "makevar" or "regexp" or "mimetype" or "code" or "literal";

    public static void Register(HtmlRenderer r)
    {
        r.Set<DefinitionList>((r, w, n) => { w.Raw("<dl").Classes("", n.Classes).Raw(">\n"); r.WriteAll(w, n.Items); w.Raw("</dl>\n"); });
        r.Set<DefinitionItem>((r, w, n) =>
        {
            w.Raw("<dt>");
            r.WriteAll(w, n.Term);
            foreach (var c in n.Classifiers) { w.Raw(" <span class=\"classifier\">"); r.WriteAll(w, c); w.Raw("</span>"); }
            w.Raw("</dt>\n<dd>");
            r.WriteAll(w, n.Children);
            w.Raw("</dd>\n");
        });
        r.Set<FieldList>((r, w, n) =>
        {
            w.Raw("<dl").Classes(n.IsDocInfo ? "field-list docinfo" : "field-list", n.Classes).Raw(">\n");
            r.WriteAll(w, n.Fields);
            w.Raw("</dl>\n");
        });
        r.Set<Field>((r, w, n) => { w.Raw("<dt>"); r.WriteAll(w, n.Name); w.Raw("</dt>\n<dd>"); r.WriteAll(w, n.Children); w.Raw("</dd>\n"); });
        r.Set<OptionList>((r, w, n) => { w.Raw("<dl").Classes("option-list", n.Classes).Raw(">\n"); r.WriteAll(w, n.Items); w.Raw("</dl>\n"); });
        r.Set<OptionListItem>((r, w, n) =>
        {
            w.Raw("<dt>");
            for (var i = 0; i < n.Options.Count; i++) w.Raw(i > 0 ? ", <kbd>" : "<kbd>").Text(n.Options[i]).Raw("</kbd>");
            w.Raw("</dt>\n<dd>");
            r.WriteAll(w, n.Children);
            w.Raw("</dd>\n");
        });
        r.Set<LineBlock>((r, w, n) => { w.Raw("<div").Classes("line-block", n.Classes).Raw(">\n"); r.WriteAll(w, n.Children); w.Raw("</div>\n"); });
        r.Set<LineBlockLine>((r, w, n) => { w.Raw("<div class=\"line\">"); r.WriteAll(w, n.Inlines); w.Raw("</div>\n"); });
        r.Set<Footnote>((r, w, n) =>
        {
            w.Raw("<aside").Attribute("class", n.IsCitation ? "citation" : "footnote").Attribute("id", NoteId(n.IsCitation, n.Mark)).Raw(">\n");
            w.Raw("<span class=\"label\">[").Text(n.Mark).Raw("]</span>\n");
            r.WriteAll(w, n.Children);
            w.Raw("</aside>\n");
        });
        r.Set<FootnoteReference>((_, w, n) =>
            w.Raw("<a").Attribute("class", n.IsCitation ? "citation-reference" : "footnote-reference").Attribute("href", "#" + NoteId(n.IsCitation, n.Mark)).Raw(">[").Text(n.Mark).Raw("]</a>"));
        r.Set<Comment>((_, _, _) => { });
        r.Set<SubstitutionDefinition>((_, _, _) => { });
        r.Set<Target>((_, w, n) =>
        {
            if (n.Url is null && n.Id.Length > 0) w.Raw("<span").Attribute("id", n.Id).Raw("></span>\n");
        });
        r.Set<DirectiveBlock>((r, w, n) =>
        {
            w.Raw("<div").Classes("directive " + n.Name.Replace(':', '-'), n.Classes).Raw(">\n");
            // A stand-in directive's arguments are a source file or a C declaration (kernel-doc,
            // c:function): shown as code, so the page says what Sphinx would have expanded there.
            if (n.Arguments.Length > 0 && n.Name != "rubric") w.Raw("<p class=\"directive-arguments\"><code>").Text(n.Arguments).Raw("</code></p>\n");
            r.WriteAll(w, n.Children);
            w.Raw("</div>\n");
        });
        r.Set<TocTree>((r, w, n) =>
        {
            w.Raw("<nav class=\"toctree\">\n");
            if (n.Caption.Count > 0) { w.Raw("<p class=\"caption\">"); r.WriteAll(w, n.Caption); w.Raw("</p>\n"); }
            w.Raw("<ul>\n");
            // The site resolves entries to pages and their titles; read alone, an entry links by its name.
            var links = n.Links.Count > 0 ? n.Links : n.Entries.Select((e, i) => new TocTreeLink(e + ".html", n.Titles.ElementAtOrDefault(i) ?? e));
            foreach (var link in links) w.Raw("<li><a").Attribute("href", link.Url).Raw(">").Text(link.Title).Raw("</a></li>\n");
            w.Raw("</ul>\n</nav>\n");
        });
        r.Set<Contents>((r, w, n) =>
        {
            w.Raw("<nav").Classes("contents", n.Classes).Raw(">\n<p class=\"topic-title\">");
            if (n.Title.Count > 0) r.WriteAll(w, n.Title);
            else w.Text("Contents");
            w.Raw("</p>\n");
            r.WriteAll(w, n.Children);
            w.Raw("</nav>\n");
        });
        r.Set<Figure>((r, w, n) =>
        {
            if (n.IsFigure) w.Raw("<figure").Classes("", n.Classes).Raw(">\n");
            else w.Raw("<div class=\"image\">");
            if (n.Target is { } target) { w.Raw("<a").Attribute("href", target).Raw(">"); r.Write(w, n.Image); w.Raw("</a>"); }
            else r.Write(w, n.Image);
            if (n.Caption.Count > 0) { w.Raw("\n<figcaption>"); r.WriteAll(w, n.Caption); w.Raw("</figcaption>"); }
            r.WriteAll(w, n.Children);
            w.Raw(n.IsFigure ? "\n</figure>\n" : "</div>\n");
        });
        r.Set<InterpretedText>((r, w, n) =>
        {
            var (open, close) = n.Role switch
            {
                "title-reference" => ("<cite>", "</cite>"),
                "sectnum" => ("<span class=\"sectnum\">", "</span>"),
                "subscript" => ("<sub>", "</sub>"),
                "superscript" => ("<sup>", "</sup>"),
                "abbreviation" => ("<abbr>", "</abbr>"),
                "acronym" => ("<abbr>", "</abbr>"),
                _ when IsCodeRole(n.Role) => ("<code>", "</code>"),
                _ => ($"<span class=\"role-{HtmlEscaper.Escape(n.Role.Replace(':', '-'))}\">", "</span>"),
            };
            w.Raw(open);
            r.WriteAll(w, n.Children);
            w.Raw(close);
        });
        r.Set<SubstitutionReference>((r, w, n) => r.WriteAll(w, n.Children));
        r.Set<InlineTarget>((r, w, n) => { w.Raw("<span").Attribute("id", n.Id).Raw(">"); r.WriteAll(w, n.Children); w.Raw("</span>"); });
    }

    private static string NoteId(bool citation, string mark) => (citation ? "cite-" : "fn-") + Slug.Make(mark);
}
