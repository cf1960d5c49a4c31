using Errata.Testing;
using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Rst;

/// <summary>One example per construct: RST in, the model's outline (see <see cref="Outline"/>) out.</summary>
public sealed class RstReaderSpecs
{
    public static TheoryData<string, string, string> Examples() => new()
    {
        { "underline titles, levels by first appearance", "A\n=\n\nB\n-\n\nC\n=\n", "section\n  title: A\n  section\n    title: B\nsection\n  title: C\n" },
        { "over- and underline differs from underline only", "===\n A\n===\n\nB\n===\n", "section\n  title: A\n  section\n    title: B\n" },
        { "paragraph with inline markup", "*e* **s** ``l`` `t` :sub:`x`", "p: * e ** s `` l ` t :subscript: x\n" },
        { "expanded literal marker", "Para:\n\n::\n\n   code\n", "p: Para:\nliteral\n  | code\n" },
        { "partly minimised literal marker", "Para ::\n\n   code\n", "p: Para\nliteral\n  | code\n" },
        { "fully minimised literal marker", "Para::\n\n   code\n\n     more\n", "p: Para:\nliteral\n  | code\n  | \n  |   more\n" },
        { "quoted literal block", "Para::\n\n> one\n> two\n", "p: Para:\nliteral\n  | > one\n  | > two\n" },
        { "bullet lists split by bullet character", "- a\n- b\n\n* c\n", "ul\n  li\n    p: a\n  li\n    p: b\nul\n  li\n    p: c\n" },
        { "enumerated styles and start", "3. c\n4. d\n\n(a) x\n(b) y\n\nii) r\n", "ol arabic 3\n  li\n    p: c\n  li\n    p: d\nol loweralpha 1\n  li\n    p: x\n  li\n    p: y\nol lowerroman 2\n  li\n    p: r\n" },
        { "auto-numbered list", "#. a\n#. b\n", "ol arabic 1\n  li\n    p: a\n  li\n    p: b\n" },
        { "not a list: no blank line after", "A. Smith wrote\nthis.\n", "p: A. Smith wrote this.\n" },
        { "definition list with classifier", "term : cls\n   def\n", "dl\n  dli\n    term: term\n    classifier: cls\n    dd\n      p: def\n" },
        { "field list", ":Author: me\n:Version: 1\n", "fields\n  field\n    name: Author\n    body\n      p: me\n  field\n    name: Version\n    body\n      p: 1\n" },
        { "option list", "-a         all\n--file=F   file\n", "options\n  option-item\n    group: -a\n    description\n      p: all\n  option-item\n    group: --file=F\n    description\n      p: file\n" },
        { "block quote with attribution", "para\n\n   quoted\n\n   -- someone\n", "p: para\nquote\n  p: quoted\n  attribution: someone\n" },
        { "line block nesting", "| a\n|    b\n| c\n", "lines\n  line: a\n  lines\n    line: b\n  line: c\n" },
        { "grid table with head and span", "+---+---+\n| a | b |\n+===+===+\n| wide  |\n+-------+\n", "table\n  head\n    row\n      cell\n        p: a\n      cell\n        p: b\n  body\n    row\n      cell span=2,1\n        p: wide\n" },
        { "simple table with column span (a span line before the bottom border adds an empty row, as in docutils)", "=====  =====\nA      B\n=====  =====\nx      y\nboth\n------------\n=====  =====\n", "table\n  head\n    row\n      cell\n        p: A\n      cell\n        p: B\n  body\n    row\n      cell\n        p: x\n      cell\n        p: y\n    row\n      cell span=2,1\n        p: both\n    row\n      cell\n      cell\n" },
        { "list-table", ".. list-table:: T\n   :header-rows: 1\n\n   * - h\n   * - c\n", "table\n  caption: T\n  head\n    row\n      cell\n        p: h\n  body\n    row\n      cell\n        p: c\n" },
        { "flat-table spans", ".. flat-table::\n\n   * - :cspan:`1` a\n   * - b\n     - c\n", "table\n  body\n    row\n      cell span=2,1\n        p: a\n    row\n      cell\n        p: b\n      cell\n        p: c\n" },
        { "comments and targets render nothing", ".. a comment\n\n.. _t:\n\ntext\n", "p: text\n" },
        { "transition", "a\n\n----\n\nb\n", "p: a\ntransition\np: b\n" },
        { "admonitions", ".. note:: n\n\n.. admonition:: T\n\n   body\n", "admonition note\n  p: n\nadmonition admonition.admonition-t\n  title: T\n  p: body\n" },
        { "code-block keeps language", ".. code-block:: c\n\n   int x;\n", "literal\n  | int x;\n" },
        { "kernel-doc kept by name", ".. kernel-doc:: include/linux/kvm.h\n   :internal:\n", "stub kernel-doc\n" },
        { "footnotes and citations", "[1]_ [#]_ [CIT]_\n\n.. [1] one\n.. [#] auto\n.. [CIT] cite\n", "p: [# 1 [# [# CIT\nfootnote\n  p: one\nfootnote\n  p: auto\ncitation\n  p: cite\n" },
        { "references", "`a <http://x>`_ b_ `c`__ http://d.org\n\n.. _b: http://b\n\n__ http://c\n", "p: [ a [ b [ c [ http://d.org\n" },
        { "substitution", "|x| y\n\n.. |x| replace:: *rep*\n", "p: | x y\n" },
        { "escapes", "\\*not emphasis\\*", "p: *not emphasis*\n" },
        { "tabs expand to 8 columns", "::\n\n\tcode\n", "literal\n  | code\n" },
        { "image and figure", ".. image:: a.png\n\n.. figure:: b.png\n\n   cap\n", "image a.png\nfigure b.png\n  caption: cap\n" },
        { "contents and toctree", ".. contents::\n\n.. toctree::\n\n   a\n", "contents\nstub toctree\n" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Read_Example_GivesOutline(string name, string rst, string outline)
    {
        var doc = Read(rst);
        Assert.True(outline == Outline.FromModel(doc), $"{name}:\n{Outline.FromModel(doc)}");
        Assert.DoesNotContain(doc.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("html", 1)]
    [InlineData("latex", 0)]
    [InlineData("html and not latex", 1)]
    [InlineData("(latex or html) and not epub", 1)]
    public void Only_ForHtmlOutput_KeepsContentWhenExpressionHolds(string expression, int paragraphs)
    {
        var doc = Read($".. only:: {expression}\n\n   text\n");
        Assert.Equal(paragraphs, doc.Descendants<Paragraph>().Count());
    }

    [Fact]
    public void Highlight_SetsLanguageOfLaterLiteralBlocks()
    {
        var doc = Read(".. highlight:: c\n\n::\n\n   int x;\n");
        Assert.Equal("c", Assert.Single(doc.Descendants<LiteralBlock>()).Language);
    }

    [Fact]
    public void Reference_ToExternalTarget_ResolvesUrl()
    {
        var doc = Read("see Python_ and `the docs`_\n\n.. _Python: https://python.org\n.. _the docs: Python_\n");
        var links = doc.Descendants<Link>().Select(l => l.Url).ToList();
        Assert.Equal(["https://python.org", "https://python.org"], links);
    }

    [Fact]
    public void Substitution_Reference_CarriesDefinitionInlines()
    {
        var doc = Read("|x|\n\n.. |x| replace:: *rep*\n");
        var reference = Assert.Single(doc.Descendants<SubstitutionReference>());
        Assert.IsType<Emphasis>(Assert.Single(reference.Children));
    }

    [Fact]
    public void FieldList_AtDocumentStart_IsDocInfo()
    {
        var doc = Read("Title\n=====\n\n:Author: me\n\ntext\n");
        Assert.True(Assert.Single(doc.Descendants<FieldList>()).IsDocInfo);
        Assert.Equal("Title", doc.Title);
    }

    [Fact]
    public void CRole_RendersAsCode()
    {
        var html = new DocumentPipelineBuilder().UseRst().Build().CreateRenderer().Render(Read("call :c:func:`kvm_run` now"));
        Assert.Contains("<code>kvm_run</code>", html);
    }

    [Fact]
    public void Raw_Disabled_WarnsAndKeepsText()
    {
        var doc = Read(".. raw:: html\n\n   <b>x</b>\n");
        Assert.Contains(doc.Diagnostics, d => d.Id == "ERR0208");
        Assert.IsType<LiteralBlock>(Assert.Single(doc.Children));
    }

    [Fact]
    public void Raw_Enabled_KeepsHtml()
    {
        var doc = new RstReader().Read("t.rst", ".. raw:: html\n\n   <b>x</b>\n", new ReadContext("/nonexistent", AllowRaw: true));
        Assert.Equal("<b>x</b>\n", Assert.IsType<HtmlBlock>(Assert.Single(doc.Children)).Html);
    }

    [Fact]
    public void Include_OutsideSourceRoot_IsError()
    {
        var doc = Read(".. include:: ../../etc/passwd\n");
        Assert.Contains(doc.Diagnostics, d => d.Id == "ERR0206" && d.IsError);
    }

    [Fact]
    public void Include_InsideSourceRoot_ReadsInPlace()
    {
        var root = Directory.CreateTempSubdirectory("errata-rst-include").FullName;
        File.WriteAllText(Path.Combine(root, "part.rst"), "Included *text*.\n");
        var doc = new RstReader().Read("index.rst", "before\n\n.. include:: part.rst\n\nafter\n", new ReadContext(root));
        Assert.Equal("p: before\np: Included * text .\np: after\n", Outline.FromModel(doc));
    }

    [Fact]
    public void Pipeline_UseRst_ReadsRstFiles()
    {
        var pipeline = new DocumentPipelineBuilder().UseRst().Build();
        Assert.True(pipeline.CanRead("docs/a.rst"));
        Assert.True(pipeline.CanRead("docs/a.md"));
    }

    [Fact]
    public void Render_EveryCorpusFile_ProducesHtml()
    {
        var pipeline = new DocumentPipelineBuilder().UseRst().Build();
        var renderer = pipeline.CreateRenderer();
        foreach (var file in Corpus.Files())
            Assert.NotEmpty(renderer.Render(pipeline.Read(file, Corpus.Read(file), new ReadContext(Corpus.Root))));
    }

    internal static Document Read(string rst) => new RstReader().Read("t.rst", rst, new ReadContext("/nonexistent"));
}
