using Errata.Documents;
using Errata.Documents.Markdown;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Markdown;

public class MarkdownReaderTests
{
    private static Document Read(string text) =>
        new MarkdownReader().Read("docs/page.md", text, new ReadContext("."));

    [Fact]
    public void Headings_BecomeNestedSections_WithUniqueIds()
    {
        var doc = Read("# Top\n\ntext\n\n## Part\n\nmore\n\n## Part\n\n# Next\n");
        var top = Assert.IsType<Section>(doc.Children[0]);
        Assert.Equal("top", top.Id);
        Assert.Equal(["part", "part-1"], top.Children.OfType<Section>().Select(s => s.Id));
        Assert.Equal("next", Assert.IsType<Section>(doc.Children[1]).Id);
        Assert.Equal("Top", doc.Title);
    }

    [Fact]
    public void ScenarioFence_BecomesScenarioBlock_WithDocumentPositions()
    {
        var doc = Read("# T\n\n```scenario demo\ntitle: x\ncode:\n    nop\n```\n");
        var block = Assert.Single(doc.Descendants<ScenarioBlock>());
        Assert.Equal("demo", block.Name);
        Assert.Equal(["title: x", "code:", "    nop"], block.Lines.Select(l => l.Text));
        Assert.Equal(3, block.Lines[0].Origin.Line);
        Assert.Equal(5, block.Lines[2].Origin.Line);
        Assert.Equal(0, block.Lines[2].Origin.Column);
        Assert.Equal("docs/page.md", block.Lines[0].Origin.Path);
    }

    [Theory]
    [InlineData("```scenario empty\n```\n")]
    [InlineData("```scenario empty\n")]
    public void ScenarioFence_WithNoLines_BecomesAnEmptyScenarioBlock(string text)
    {
        var block = Assert.Single(Read(text).Descendants<ScenarioBlock>());
        Assert.Equal("empty", block.Name);
        Assert.Empty(block.Lines);
    }

    [Fact]
    public void ScenarioFence_WithoutName_IsAnErrorAtTheFence()
    {
        var doc = Read("text\n\n```scenario\ncode:\n  nop\n```\n");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0102", d.Id);
        Assert.Equal(2, d.Span.Line);
    }

    [Fact]
    public void OtherFences_StayLiteralBlocks()
    {
        var doc = Read("```c\nint x;\n```\n");
        var lit = Assert.IsType<LiteralBlock>(doc.Children[0]);
        Assert.Equal("int x;", lit.Text);
        Assert.Equal("c", lit.Language);
    }

    [Fact]
    public void ControlCharacter_IsReportedWithItsPosition()
    {
        var doc = Read("ok\nbad\u0001here\n");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0103", d.Id);
        Assert.Equal((1, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void PipeTable_KeepsHeaderAndBodyRows()
    {
        var doc = Read("| a | b |\n|---|---|\n| 1 | 2 |\n");
        var table = Assert.IsType<Table>(doc.Children[0]);
        Assert.Single(table.Head);
        Assert.Equal(2, table.Body[0].Cells.Count);
    }

    [Fact]
    public void ALongSetextHeadingOfEmphasis_IsLocatedInsideItsText()
    {
        // Markdig miscounts the columns of such a heading's inlines; spans fall back to offsets.
        // The input is the fuzz campaign's reproducer (seed 1, input 85266): emphasis runs past the nesting limit.
        var text = File.ReadAllText(Path.Combine(Errata.Testing.RepositoryRoot.Path, "tests", "Errata.Documents.Tests", "Markdown", "Data", "long-setext-heading.md"));
        var lines = text.Split('\n');
        var doc = Read(text);
        Assert.NotEmpty(doc.Diagnostics);
        foreach (var d in doc.Diagnostics)
            Assert.InRange(d.Span.Column, 0, lines[d.Span.Line].Length);
    }
}
