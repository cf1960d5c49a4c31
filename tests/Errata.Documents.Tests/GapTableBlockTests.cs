using Errata.Diagnostics;
using Errata.Documents;
using Errata.Documents.Markdown;
using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests;

/// <summary>Where a page places its gap table: ```gaps [site] in Markdown, .. gaps:: [site] in RST.</summary>
public sealed class GapTableBlockTests
{
    private static Document Md(string text) => new MarkdownReader().Read("p.md", text, new ReadContext("."));

    private static Document Rst(string text) => new RstReader().Read("p.rst", text, new ReadContext("."));

    [Theory]
    [InlineData("# T\n\n```gaps\n```\n", false)]
    [InlineData("# T\n\n```gaps site\n```\n", true)]
    public void MarkdownFence_IsAGapTable_OfThePageOrTheSite(string text, bool wholeSite)
    {
        var doc = Md(text);
        Assert.Empty(doc.Diagnostics);
        var block = Assert.Single(doc.Descendants<GapTableBlock>());
        Assert.Equal(wholeSite, block.WholeSite);
        Assert.Equal(2, block.Span.Line);
    }

    [Theory]
    [InlineData("T\n=\n\n.. gaps::\n", false)]
    [InlineData("T\n=\n\n.. gaps:: site\n", true)]
    public void RstDirective_IsAGapTable_OfThePageOrTheSite(string text, bool wholeSite)
    {
        var doc = Rst(text);
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(wholeSite, Assert.Single(doc.Descendants<GapTableBlock>()).WholeSite);
    }

    [Theory]
    [InlineData("p.md", "# T\n\n```gaps chapter\n```\n", 2, 0)]
    [InlineData("p.rst", "T\n=\n\n.. gaps:: chapter\n", 3, 0)]
    public void UnknownScope_IsAnErrorAtTheBlock(string path, string text, int line, int column)
    {
        var doc = path.EndsWith(".md", StringComparison.Ordinal) ? Md(text) : Rst(text);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0267", d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains("'chapter'", d.Message, StringComparison.Ordinal);
    }
}
