using Errata.Diagnostics;
using Errata.Scenarios.Parsing;

namespace Errata.Scenarios.Tests.Parsing;

/// <summary>`; deliberate: REASON` after a claim: read with its span; anything else in a comment is a comment.</summary>
public class DeliberateMarkTests
{
    private static (Syntax.ExpectLine? Expect, IReadOnlyList<Diagnostic> Diagnostics) Parse(string expectLine)
    {
        var bag = new DiagnosticBag();
        var s = ScenarioParser.Parse(ScenarioParserTests.Block("code:\n  hlt\n" + expectLine), bag);
        return (s.Expects.SingleOrDefault(), bag.Items);
    }

    [Fact]
    public void TheMark_GivesItsReason_AtItsColumn_AndLeavesTheClaimAsWritten()
    {
        var (e, d) = Parse("expect apm: halted   ;  deliberate:  the end frames it ");
        Assert.Empty(d);
        Assert.Equal("halted", e!.Text);
        Assert.Equal("the end frames it", e.Deliberate!.Value.Value);
        Assert.Equal(12, e.Deliberate.Value.Span.Line);
        Assert.Equal(37, e.Deliberate.Value.Span.Column);
        Assert.Equal("the end frames it".Length, e.Deliberate.Value.Span.Length);
    }

    [Theory]
    [InlineData("expect: halted")]
    [InlineData("expect: halted ; the run ends")]
    [InlineData("expect: halted ; not deliberate: x")]
    [InlineData("expect: halted ; Deliberate: x")]
    public void OtherComments_AreNoMark(string line)
    {
        var (e, d) = Parse(line);
        Assert.Empty(d);
        Assert.Null(e!.Deliberate);
    }

    [Theory]
    [InlineData("expect: halted ; deliberate:")]
    [InlineData("expect: halted ; deliberate:    ")]
    public void AMarkWithoutAReason_IsAnError_AtTheKeyword(string line)
    {
        var (e, d) = Parse(line);
        var error = Assert.Single(d);
        Assert.Equal(ScenarioErrors.DeliberateWithoutReason, error.Descriptor);
        Assert.Equal(17, error.Span.Column);
        Assert.Null(e!.Deliberate);
    }

    [Fact]
    public void ASemicolonInsideTheClaim_IsNotTheComment()
    {
        // A quoted ';' does not start a comment, as in the assembly.
        var (_, d) = Parse("expect: halted ';' ; deliberate: x");
        Assert.NotEmpty(d);
        Assert.DoesNotContain(d, x => x.Descriptor == ScenarioErrors.DeliberateWithoutReason);
    }
}
