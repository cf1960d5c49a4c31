using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Rst;

/// <summary>csv-table, sectnum, target-notes, docutils' DocTitle transform, contents, toctree titles, and the classes admonitions, field lists and docinfo render with.</summary>
public sealed class RstCompletenessTests
{
    private static Document Read(string rst) => new RstReader().Read("t.rst", rst, new ReadContext("."));

    private static string Render(string rst)
    {
        var pipeline = new DocumentPipelineBuilder().UseRst().Build();
        return pipeline.CreateRenderer().Render(pipeline.Read("t.rst", rst, new ReadContext(".")));
    }

    private static string[][] Cells(List<TableRow> rows) =>
        [.. rows.Select(r => r.Cells.Select(c => string.Join("|", c.Children.OfType<Paragraph>().Select(p => Slug.PlainText(p.Inlines)))).ToArray())];

    // ---------- csv-table ----------

    [Fact]
    public void CsvTable_SplitsRowsAndCells_QuotedCellsKeepCommasAndDoubledQuotes()
    {
        var doc = Read(".. csv-table:: Prices\n   :header: \"Item\", \"Cost\"\n\n   \"Apple, red\", 1\n   \"The \"\"best\"\" pear\", 2\n");
        var table = Assert.IsType<Table>(Assert.Single(doc.Children));
        Assert.Equal("Prices", Slug.PlainText(table.Caption));
        Assert.Equal([["Item", "Cost"]], Cells(table.Head));
        Assert.Equal([["Apple, red", "1"], ["The \"best\" pear", "2"]], Cells(table.Body));
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void CsvTable_HeaderRows_ShortRowsFilled_QuotedCellSpansLines()
    {
        var doc = Read(".. csv-table::\n   :header-rows: 1\n\n   a, b, c\n   1\n   \"two\n   lines\", x, y\n");
        var table = Assert.IsType<Table>(Assert.Single(doc.Children));
        Assert.Equal([["a", "b", "c"]], Cells(table.Head));
        Assert.Equal(3, table.Body[0].Cells.Count);
        Assert.Empty(table.Body[0].Cells[2].Children);
        Assert.Equal("two\nlines", Cells(table.Body)[1][0]);
    }

    [Fact]
    public void CsvTable_CellsAreRst_AndDelimiterCanChange()
    {
        var doc = Read(".. csv-table::\n   :delim: ;\n\n   *em*; ``code``, still one\n");
        var row = Assert.Single(Assert.IsType<Table>(Assert.Single(doc.Children)).Body);
        Assert.Equal(2, row.Cells.Count);
        Assert.IsType<Emphasis>(Assert.IsType<Paragraph>(row.Cells[0].Children[0]).Inlines[0]);
        Assert.IsType<Code>(Assert.IsType<Paragraph>(row.Cells[1].Children[0]).Inlines[0]);
    }

    [Theory]
    [InlineData("space", "a b", 2)]
    [InlineData("U+003B", "a;b", 2)]
    [InlineData("U+zz", "aUb", 2)]
    public void CsvTable_DelimiterByNameOrCode_AndAnUnreadableCodeIsItsFirstCharacter(string delim, string row, int cells)
    {
        var doc = Read($".. csv-table::\n   :delim: {delim}\n\n   {row}\n");
        Assert.Equal(cells, Assert.Single(Assert.IsType<Table>(Assert.Single(doc.Children)).Body).Cells.Count);
    }

    [Fact]
    public void CsvTable_TextAfterClosingQuote_IsALocatedErrorAndTheSourceStays()
    {
        var doc = Read("Text.\n\n.. csv-table::\n\n   \"a\"b, c\n");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("ERR0210", d.Descriptor.Id);
        Assert.Equal(2, d.Span.Line);
        Assert.Contains("',' expected after '\"'", d.Message, StringComparison.Ordinal);
        Assert.IsType<LiteralBlock>(doc.Children[1]);
    }

    [Fact]
    public void CsvTable_UnclosedQuote_IsAnError()
    {
        var doc = Read(".. csv-table::\n\n   \"a, b\n");
        Assert.Contains(doc.Diagnostics, d => d.Message.Contains("unexpected end of data", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Children, b => b is Table);
    }

    [Fact]
    public void CsvTable_File_IsReadRelativeToTheDocument_AndMustStayInsideTheSourceFolder()
    {
        var root = Directory.CreateTempSubdirectory("errata-csv-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "data"));
            File.WriteAllText(Path.Combine(root.FullName, "data", "rows.csv"), "Name, Value\n\"a, b\", 1\n");
            var context = new ReadContext(root.FullName) { DocumentFile = Path.Combine(root.FullName, "page.rst") };
            var doc = new RstReader().Read("page.rst", ".. csv-table::\n   :file: data/rows.csv\n   :header-rows: 1\n", context);
            var table = Assert.IsType<Table>(Assert.Single(doc.Children));
            Assert.Equal([["Name", "Value"]], Cells(table.Head));
            Assert.Equal([["a, b", "1"]], Cells(table.Body));
            var outside = new RstReader().Read("page.rst", ".. csv-table::\n   :file: ../elsewhere.csv\n", context);
            Assert.Equal("ERR0206", Assert.Single(outside.Diagnostics).Descriptor.Id);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    // ---------- measured differences from docutils ----------

    [Fact]
    public void Tables_MeasureWideCharactersAsTwoColumns_AsDocutilsDoes()
    {
        var grid = Read("+------+----+\n| 中文 | ab |\n+------+----+\n");
        Assert.Equal([["中文", "ab"]], Cells(Assert.IsType<Table>(Assert.Single(grid.Children)).Body));
        var simple = Read("====  ===\n名前  値\n====  ===\n一    1\n====  ===\n");
        var table = Assert.IsType<Table>(Assert.Single(simple.Children));
        Assert.Equal([["名前", "値"]], Cells(table.Head));
        Assert.Equal([["一", "1"]], Cells(table.Body));
        Assert.Empty(grid.Diagnostics.Concat(simple.Diagnostics));
    }

    [Fact]
    public void Math_MakesOneBlockPerGroupOfLines()
    {
        var doc = Read(".. math:: a = b\n\n   c = d\n   e = f\n\n   g = h\n");
        Assert.Equal(["a = b", "c = d\ne = f", "g = h"], doc.Children.Cast<LiteralBlock>().Select(l => l.Text));
    }

    // ---------- DocTitle ----------

    [Fact]
    public void LoneTopSection_IsTheTitle_LoneSecondOne_TheSubtitle_AndItsSectionsMoveUp()
    {
        var doc = Read(".. comment\n\n=====\nTitle\n=====\n\nSub\n---\n\nPart\n~~~~\n\ntext\n");
        Assert.Equal("Title", doc.Title);
        Assert.Equal("Sub", doc.Subtitle);
        var title = Assert.IsType<Section>(doc.Children[1]);
        var subtitle = Assert.IsType<Section>(Assert.Single(title.Children));
        Assert.True(subtitle.IsSubtitle);
        Assert.Equal(2, Assert.IsType<Section>(Assert.Single(subtitle.Children)).Level);
        var html = Render(".. comment\n\n=====\nTitle\n=====\n\nSub\n---\n\nPart\n~~~~\n\ntext\n");
        Assert.Contains("<p class=\"subtitle\">Sub</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Sub<a class=\"permalink\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondSection_WithTextBeside_IsNoSubtitle_AndTwoTopSectionsAreNoTitle()
    {
        var withText = Read("Title\n=====\n\nintro\n\nSub\n---\n");
        Assert.Null(withText.Subtitle);
        Assert.DoesNotContain(withText.Descendants<Section>(), s => s.IsSubtitle);
        var two = Read("One\n===\n\nTwo\n===\n\nSub\n---\n");
        Assert.Null(two.Subtitle);
        Assert.Equal(2, two.Descendants<Section>().Single(s => Slug.PlainText(s.Title) == "Sub").Level);
    }

    // ---------- sectnum ----------

    [Fact]
    public void Sectnum_NumbersSectionsUnderTheTitle_AndContentsShowsTheNumbers()
    {
        var html = Render("Doc\n===\n\n.. sectnum::\n.. contents::\n\nA\n-\n\nA1\n~~\n\nB\n-\n");
        Assert.Contains("<span class=\"sectnum\">1\u00a0\u00a0\u00a0</span>A", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sectnum\">1.1\u00a0\u00a0\u00a0</span>A1", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sectnum\">2\u00a0\u00a0\u00a0</span>B", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</span>Doc", html, StringComparison.Ordinal);
        var contents = html[html.IndexOf("<nav class=\"contents\">", StringComparison.Ordinal)..];
        Assert.Contains("1.1\u00a0\u00a0\u00a0</span>A1</a>", contents[..contents.IndexOf("</nav>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Sectnum_DepthStartPrefixSuffix()
    {
        var doc = Read(".. section-numbering::\n   :depth: 1\n   :start: 3\n   :prefix: S\n   :suffix: )\n\nA\n=\n\nA1\n--\n\nB\n=\n");
        var titles = doc.Descendants<Section>().Select(s => Slug.PlainText(s.Title)).ToList();
        Assert.Equal(["S3)\u00a0\u00a0\u00a0A", "A1", "S4)\u00a0\u00a0\u00a0B"], titles);
    }

    // ---------- target-notes ----------

    [Fact]
    public void TargetNotes_ListsExternalTargetsAsFootnotes_AndReferencesFollowTheirLinks()
    {
        var doc = Read("See Errata_ and `KVM <https://linux-kvm.org/>`_, again Errata_, and https://bare.example/ [1]_.\n\n"
            + ".. _Errata: https://errata.example/\n\n.. [1] own note\n\n.. target-notes::\n");
        var place = doc.Descendants<DirectiveBlock>().Single(d => d.Name == "target-notes");
        var notes = place.Children.Cast<Footnote>().ToList();
        Assert.Equal(["2", "3"], notes.Select(n => n.Mark));
        Assert.Equal(["https://errata.example/", "https://linux-kvm.org/"], notes.Select(n => ((Link)((Paragraph)n.Children[0]).Inlines[0]).Url));
        var inlines = ((Paragraph)doc.Children[0]).Inlines;
        var marks = inlines.OfType<FootnoteReference>().Select(r => r.Mark).ToList();
        Assert.Equal(["2", "3", "2", "1"], marks);
        Assert.IsType<FootnoteReference>(inlines[inlines.FindIndex(i => i is Link { Url: "https://errata.example/" }) + 1]);
    }

    // ---------- contents, toctree, classes ----------

    [Fact]
    public void Contents_IsFilledWithLinksToTheSections()
    {
        var doc = Read(".. contents:: On this page\n   :depth: 1\n\nA\n=\n\nA1\n-\n\nB\n=\n");
        var contents = doc.Descendants<Contents>().Single();
        var list = Assert.IsType<BulletList>(Assert.Single(contents.Children));
        var links = list.Items.Select(i => (Link)((Paragraph)i.Children[0]).Inlines[0]).ToList();
        Assert.Equal(["#a", "#b"], links.Select(l => l.Url));
        Assert.All(list.Items, i => Assert.Single(i.Children));
    }

    [Fact]
    public void Toctree_ExplicitTitleIsShown_ReadAloneAnEntryShowsItsName()
    {
        var html = Render(".. toctree::\n\n   Getting started <guide/start>\n   errata\n");
        Assert.Contains("<a href=\"guide/start.html\">Getting started</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"errata.html\">errata</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("note"), InlineData("warning"), InlineData("tip"), InlineData("hint"), InlineData("important"), InlineData("attention"), InlineData("caution"), InlineData("danger"), InlineData("error")]
    public void Admonition_HasItsKindAsClass_AndATitle(string kind)
    {
        var html = Render($".. {kind}:: Mind the gap.\n");
        Assert.Contains($"<aside class=\"admonition {kind}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"admonition-title\">{char.ToUpperInvariant(kind[0])}{kind[1..]}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DocinfoAndFieldLists_HaveTheirClasses()
    {
        var html = Render("Title\n=====\n\n:Author: A. Person\n:Version: 1\n\ntext\n\n:param x: the value\n");
        Assert.Contains("<dl class=\"field-list docinfo\">", html, StringComparison.Ordinal);
        Assert.Contains("<dl class=\"field-list\">", html, StringComparison.Ordinal);
    }
}
