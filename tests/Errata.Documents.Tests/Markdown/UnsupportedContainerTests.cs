using Errata.Documents;
using Errata.Documents.Markdown;
using Errata.Documents.Rendering.Html;
using Errata.Documents.Syntax;
using Markdig;

namespace Errata.Documents.Tests.Markdown;

/// <summary>
/// Containers the model has no node for (here Markdig's custom containers, which the default
/// pipeline never produces) keep their content, shown plainly, with a warning at the container.
/// </summary>
public class UnsupportedContainerTests
{
    private static readonly MarkdownPipeline WithCustomContainers =
        new MarkdownPipelineBuilder().UseCustomContainers().UsePreciseSourceLocation().Build();

    private static Document Read(string text) =>
        new MarkdownReader(WithCustomContainers).Read("docs/page.md", text, new ReadContext("."));

    [Fact]
    public void UnknownBlockContainer_ItsBlocksTakeItsPlace_WithAWarningAtIt()
    {
        var doc = Read("intro\n\n:::note\ninside *it*\n\nsecond\n:::\n");

        Assert.Equal(3, doc.Children.Count);
        Assert.All(doc.Children, c => Assert.IsType<Paragraph>(c));
        Assert.Empty(doc.Descendants<BlockQuote>());
        var warning = Assert.Single(doc.Diagnostics);
        Assert.Equal(MarkdownErrors.UnsupportedContainer, warning.Descriptor);
        Assert.Equal((2, 0), (warning.Span.Line, warning.Span.Column));
        Assert.Contains("CustomContainer", warning.Message);
        Assert.Equal("<p>intro</p>\n<p>inside <em>it</em></p>\n<p>second</p>\n", new HtmlRenderer().Render(doc));
    }

    [Fact]
    public void UnknownInlineContainer_ItsInlinesTakeItsPlace_WithAWarningAtIt()
    {
        var doc = Read("before ::marked text:: after\n");

        var paragraph = Assert.IsType<Paragraph>(Assert.Single(doc.Children));
        Assert.DoesNotContain(paragraph.Inlines, i => i is Emphasis);
        Assert.Equal("before marked text after", Slug.PlainText(paragraph.Inlines));
        var warning = Assert.Single(doc.Diagnostics);
        Assert.Equal(MarkdownErrors.UnsupportedContainer, warning.Descriptor);
        Assert.Equal((0, 7), (warning.Span.Line, warning.Span.Column));
        Assert.Equal("<p>before marked text after</p>\n", new HtmlRenderer().Render(doc));
    }

    [Fact]
    public void DefaultPipeline_ReportsNothing_ForCommonMarkContainers()
    {
        var doc = new MarkdownReader().Read("docs/page.md", "> quote\n\n- item\n\n| a |\n|---|\n| b |\n\n*em* [link](x)\n", new ReadContext("."));
        Assert.Empty(doc.Diagnostics);
        Assert.Single(doc.Descendants<BlockQuote>());
        Assert.Single(doc.Descendants<Emphasis>());
    }
}
