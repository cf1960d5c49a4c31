using Errata.Documents.Markdown;
using Errata.Documents.Rendering.Html;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Rendering;

public class HtmlRendererTests
{
    private static string Render(string md) =>
        new HtmlRenderer().Render(new MarkdownReader().Read("p.md", md, new ReadContext(".")));

    [Fact]
    public void Text_IsEscaped()
    {
        var html = Render("a <b> & \"c\" `<script>`\n");
        Assert.Contains("&lt;b&gt; &amp; &quot;c&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<code>&lt;script&gt;</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtml_PassesOnlyWhenAllowed()
    {
        const string md = "<div onclick=\"x()\">hi</div>\n\ntext <i>x</i>\n";
        var allowed = new HtmlRenderer().Render(new MarkdownReader().Read("p.md", md, new ReadContext(".", AllowRaw: true)));
        Assert.Contains("<div onclick=\"x()\">", allowed, StringComparison.Ordinal);
        var html = Render(md);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;div onclick=&quot;x()&quot;&gt;", html, StringComparison.Ordinal);
        Assert.Contains("text &lt;i&gt;x&lt;/i&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JavascriptLinks_AreNeutralised()
    {
        var html = Render("[x](javascript:alert(1))\n");
        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_HaveIdsAndPermalinks()
    {
        var html = Render("# Hello world\n");
        Assert.Contains("<section id=\"hello-world\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#hello-world\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_ReplacesTheRendererOfANodeType()
    {
        var renderer = new HtmlRenderer().Set<Paragraph>((_, w, _) => w.Raw("<p>replaced</p>"));
        var html = renderer.Render(new MarkdownReader().Read("p.md", "hello\n", new ReadContext(".")));
        Assert.Equal("<p>replaced</p>", html);
    }
}
