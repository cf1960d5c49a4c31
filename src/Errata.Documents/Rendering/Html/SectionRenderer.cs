using Errata.Documents.Syntax;

namespace Errata.Documents.Rendering.Html;

/// <summary>A section with its heading and permalink; the heading level is the caller's choice (a page may promote its top sections).</summary>
public static class SectionRenderer
{
    public static void Write(HtmlRenderer r, HtmlWriter w, Section n, int headingLevel)
    {
        if (n.IsSubtitle)
        {
            // docutils' subtitle: a line under the page's title, not a heading of its own.
            w.Raw("<section").Attribute("id", n.Id).Classes("", n.Classes).Raw(">\n<p class=\"subtitle\">");
            r.WriteAll(w, n.Title);
            w.Raw("</p>\n");
            r.WriteAll(w, n.Children);
            w.Raw("</section>\n");
            return;
        }
        w.Raw("<section").Attribute("id", n.Id).Classes("", n.Classes).Raw(">\n");
        w.Raw($"<h{headingLevel}>");
        r.WriteAll(w, n.Title);
        w.Raw("<a class=\"permalink\"").Attribute("href", "#" + n.Id).Raw(" aria-label=\"Permalink to this section\">#</a>");
        w.Raw($"</h{headingLevel}>\n");
        r.WriteAll(w, n.Children);
        w.Raw("</section>\n");
    }
}
