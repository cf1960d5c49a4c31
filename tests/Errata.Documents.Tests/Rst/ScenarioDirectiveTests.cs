using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Rst;

public sealed class ScenarioDirectiveTests
{
    private const string Document =
        "Errata\n" +
        "======\n" +
        "\n" +
        ".. scenario:: gif-clear-exec-breakpoint\n" +
        "   :title: A DR0 instruction breakpoint matches while GIF=0\n" +
        "   :profiles:  apm kvm\n" +
        "\n" +
        "   code:\n" +
        "           clgi\n" +
        "   expect: no #DB\n";

    [Fact]
    public void Scenario_OptionsAndBody_BecomeLines()
    {
        var scenario = Assert.Single(RstReaderSpecs.Read(Document).Descendants<ScenarioBlock>());
        Assert.Equal("gif-clear-exec-breakpoint", scenario.Name);
        Assert.Equal(
            ["title: A DR0 instruction breakpoint matches while GIF=0", "profiles: apm kvm", "code:", "        clgi", "expect: no #DB"],
            scenario.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Scenario_OptionValue_OriginShiftedByKeyLandsOnValue()
    {
        var lines = Assert.Single(RstReaderSpecs.Read(Document).Descendants<ScenarioBlock>()).Lines;
        // ":title: A DR0..." is on line 5 (index 4); the value starts at column 11.
        Assert.Equal(new SourceSpan("t.rst", 4, 11, 2), lines[0].At("title: ".Length, 2));
        // Two spaces after ":profiles:" - the value "apm" is at column 15.
        Assert.Equal(new SourceSpan("t.rst", 5, 15, 3), lines[1].At("profiles: ".Length, 3));
    }

    [Fact]
    public void Scenario_BodyLine_OriginIsWhereItsTextStarts()
    {
        var lines = Assert.Single(RstReaderSpecs.Read(Document).Descendants<ScenarioBlock>()).Lines;
        Assert.Equal((7, 3), (lines[2].Origin.Line, lines[2].Origin.Column));
        var clgi = lines[3];
        Assert.Equal(new SourceSpan("t.rst", 8, 11, 4), clgi.At(clgi.Text.IndexOf("clgi", StringComparison.Ordinal), 4));
    }

    [Fact]
    public void Scenario_WithTabs_OriginsAreFileColumns()
    {
        var doc = RstReaderSpecs.Read(".. scenario:: t\n\n\tcode:\n\t\tnop\n");
        var lines = Assert.Single(doc.Descendants<ScenarioBlock>()).Lines;
        Assert.Equal(["code:", "        nop"], lines.Select(l => l.Text));
        Assert.Equal((2, 1), (lines[0].Origin.Line, lines[0].Origin.Column));
    }

    private static IReadOnlyList<SourceLine> Lines(string rst) =>
        Assert.Single(RstReaderSpecs.Read(rst).Descendants<ScenarioBlock>()).Lines;

    [Fact]
    public void Scenario_TabIndentedBodyLine_MapsExpandedColumnsToFileColumns()
    {
        // Two tabs and three spaces: docutils reads 'l3' at column 19, the file holds it at 5.
        var body = Lines(".. scenario:: t\n\n   code:\n\t\t   l3: pop ax\n")[1];
        Assert.Equal(new string(' ', 16) + "l3: pop ax", body.Text);
        Assert.Equal(new SourceSpan("t.rst", 3, 9, 6), body.At(body.Text.IndexOf("pop ax", StringComparison.Ordinal), 6));
        Assert.Equal(new SourceSpan("t.rst", 3, 5, 2), body.At(16, 2));
    }

    [Fact]
    public void Scenario_OptionContinuationLine_MapsToItsOwnLine()
    {
        var profiles = Lines(".. scenario:: t\n   :profiles: apm\n      kvm\n\n   code:\n     hlt\n")[0];
        Assert.Equal("profiles: apm kvm", profiles.Text);
        Assert.Equal(new SourceSpan("t.rst", 1, 4, 8), profiles.At(0, 8));
        Assert.Equal(new SourceSpan("t.rst", 1, 14, 3), profiles.At(10, 3));
        Assert.Equal(new SourceSpan("t.rst", 2, 6, 3), profiles.At(14, 3));
        // A stretch running over the joined line break ends at the end of its first line.
        Assert.Equal(new SourceSpan("t.rst", 1, 14, 3), profiles.At(10, 7));
    }

    [Fact]
    public void Scenario_OptionValueStartingOnTheNextLine_MapsToThatLine()
    {
        // The second line is indented two more than the first: the value keeps those spaces.
        var profiles = Lines(".. scenario:: t\n   :profiles:\n      apm\n        kvm\n\n   code:\n     hlt\n")[0];
        Assert.Equal("profiles: apm   kvm", profiles.Text);
        Assert.Equal(new SourceSpan("t.rst", 2, 6, 3), profiles.At(10, 3));
        Assert.Equal(new SourceSpan("t.rst", 3, 8, 3), profiles.At(16, 3));
    }

    [Fact]
    public void Scenario_WithoutName_IsErrorAndGetsPositionName()
    {
        var doc = RstReaderSpecs.Read("text\n\n.. scenario::\n\n   code:\n");
        Assert.Contains(doc.Diagnostics, d => d.Id == "ERR0102" && d.IsError && d.Span.Line == 2);
        Assert.Equal("line-3", Assert.Single(doc.Descendants<ScenarioBlock>()).Name);
    }

    [Fact]
    public void Scenario_WithoutBody_IsError()
    {
        var doc = RstReaderSpecs.Read(".. scenario:: empty\n   :title: nothing\n");
        Assert.Contains(doc.Diagnostics, d => d.Id == "ERR0204" && d.IsError);
    }

    [Fact]
    public void Scenario_WithTwoNames_IsError()
    {
        var doc = RstReaderSpecs.Read(".. scenario:: a b\n\n   code:\n");
        Assert.Contains(doc.Diagnostics, d => d.IsError);
        Assert.Empty(doc.Descendants<ScenarioBlock>());
    }
}
