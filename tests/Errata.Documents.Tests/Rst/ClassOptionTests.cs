using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Rst;

/// <summary>
/// <c>:class:</c> and the directives whose arguments are classes reach the HTML as CSS classes,
/// made as docutils 0.19 makes them (each expected value is what docutils gives for the input).
/// </summary>
public sealed class ClassOptionTests
{
    private static (string Html, Document Doc) Render(string rst)
    {
        var pipeline = new DocumentPipelineBuilder().UseRst().Build();
        var doc = pipeline.Read("c.rst", rst, new ReadContext("."));
        return (pipeline.CreateRenderer().Render(doc), doc);
    }

    [Theory]
    [InlineData("Straße", "strasze")]
    [InlineData("Ærø", "aero")]
    [InlineData("--9a--b--", "a-b")]
    [InlineData("ﬁle", "file")]
    [InlineData("Łódź", "lodz")]
    [InlineData("a.b:c_d", "a-b-c-d")]
    [InlineData("x€y", "xy")]
    [InlineData("ＡＢ", "ab")]
    [InlineData("ℂx", "x")]
    [InlineData("Crème_Brûlée", "creme-brulee")]
    [InlineData("123", "")]
    [InlineData("---", "")]
    public void ClassName_IsDocutilsMakeId(string written, string made) => Assert.Equal(made, ClassNames.Make(written));

    [Fact]
    public void Admonition_ClassOption_AddsClassesToTheBox()
    {
        var (html, doc) = Render(".. admonition:: Status: proved by scenarios\n   :class: status Proved_x\n\n   Text.\n");
        Assert.Empty(doc.Diagnostics);
        Assert.Contains("<aside class=\"admonition status proved-x\">\n<p class=\"admonition-title\">Status: proved by scenarios</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void GenericAdmonition_WithoutClass_IsNamedAfterItsTitle()
    {
        var (html, _) = Render(".. admonition:: And, by the way\n\n   Text.\n");
        Assert.Contains("<aside class=\"admonition admonition-and-by-the-way\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecificAdmonition_KeepsItsKindBeforeTheClasses()
    {
        var (html, _) = Render(".. note::\n   :class: 9abc Ünïcode\n\n   Text.\n");
        Assert.Contains("<aside class=\"admonition note abc unicode\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":class: ---", "invalid option value: (option: \"class\"; value: '---')\ncannot make \"---\" into a class name.")]
    [InlineData(":class:", "invalid option value: (option: \"class\"; value: None)\nargument required but none supplied.")]
    public void ClassThatMakesNoName_FailsTheDirectiveAsInDocutils(string option, string message)
    {
        var (html, doc) = Render(".. note::\n   " + option + "\n\n   Hi.\n");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(("ERR0210", "Error in \"note\" directive:\n" + message, 0), (d.Id, d.Message, d.Span.Line));
        Assert.DoesNotContain("<aside", html, StringComparison.Ordinal);
        Assert.Contains("<pre tabindex=\"0\"><code>.. note::", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_ArgumentsAreItsClasses_NotShown()
    {
        var (html, _) = Render(".. container:: a-b C_d\n\n   x\n");
        Assert.Contains("<div class=\"directive container a-b c-d\">\n<p>x</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("directive-arguments", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".. container:: 42\n\n   x\n", "Error in \"container\" directive:\nInvalid class attribute value for \"container\" directive: \"42\".", "<div class=\"directive container")]
    [InlineData(".. class:: 42\n\n   p1\n", "Error in \"class\" directive:\nInvalid class attribute value for \"class\" directive: \"42\".", "<p>p1</p>")]
    [InlineData(".. figure:: a.png\n   :figclass: ---\n", "Error in \"figure\" directive:\ninvalid option value: (option: \"figclass\"; value: '---')\ncannot make \"---\" into a class name.", "<figure")]
    public void ClassArgumentOrFigclassThatMakesNoName_FailsTheDirective(string rst, string message, string notShown)
    {
        var (html, doc) = Render(rst);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(message, d.Message);
        Assert.DoesNotContain(notShown, html, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassDirective_WithContent_ClassesEachTopLevelBlock()
    {
        var (html, _) = Render(".. class:: two\n\n   p1\n\n   - item\n");
        Assert.Contains("<p class=\"two\">p1</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"two\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_FigclassOnTheFigure_ClassOnTheImage()
    {
        var (html, _) = Render(".. figure:: a.png\n   :figclass: wide\n   :class: framed\n\n   Caption.\n");
        Assert.Contains("<figure class=\"wide\">\n<img src=\"a.png\" alt=\"\" class=\"framed\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".. code-block:: c\n   :class: kvm\n\n   int x;\n", "<pre tabindex=\"0\" class=\"kvm\"><code class=\"language-c\">")]
    [InlineData(".. list-table::\n   :class: matrix\n\n   * - a\n", "<table class=\"matrix\">")]
    [InlineData(".. table::\n   :class: matrix\n\n   = =\n   a b\n   = =\n", "<table class=\"matrix\">")]
    [InlineData(".. line-block::\n   :class: poem\n\n   a\n", "<div class=\"line-block poem\">")]
    [InlineData(".. compound::\n   :class: some-class\n\n   a\n", "<div class=\"directive compound some-class\">")]
    [InlineData(".. contents::\n   :class: side\n\nT\n=\n", "<nav class=\"contents side\">")]
    [InlineData(".. topic:: T\n   :class: aside\n\n   a\n", "<aside class=\"admonition topic aside\">")]
    public void OtherDirectives_CarryTheirClassOption(string rst, string expected)
    {
        var (html, doc) = Render(rst);
        Assert.Empty(doc.Diagnostics);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }
}
