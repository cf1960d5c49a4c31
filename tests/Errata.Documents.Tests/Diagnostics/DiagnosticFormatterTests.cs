using Errata.Diagnostics;

namespace Errata.Documents.Tests.Diagnostics;

public class DiagnosticFormatterTests
{
    [Fact]
    public void Format_IsCompilerStyle_WithOneBasedPositions()
    {
        var d = new DiagnosticDescriptor("ERR0001", DiagnosticCategory.Document, Severity.Error, "unknown mnemonic '{0}'")
            .At(new SourceSpan("docs/a.md", 11, 4, 3), "movz");
        Assert.Equal("docs/a.md(12,5): error ERR0001: unknown mnemonic 'movz'", DiagnosticFormatter.Format(d));
    }

    [Fact]
    public void Format_NamesWarnings()
    {
        var d = new DiagnosticDescriptor("ERR0002", DiagnosticCategory.Document, Severity.Warning, "w").At(new SourceSpan("f", 0, 0, 1));
        Assert.Equal("f(1,1): warning ERR0002: w", d.ToString());
    }

    [Theory]
    [InlineData(DiagnosticCategory.Markup, Severity.Error, false, "warning")]
    [InlineData(DiagnosticCategory.Markup, Severity.Error, true, "error")]
    [InlineData(DiagnosticCategory.Markup, Severity.Warning, false, "warning")]
    [InlineData(DiagnosticCategory.Markup, Severity.Warning, true, "error")]
    [InlineData(DiagnosticCategory.Scenario, Severity.Error, false, "error")]
    [InlineData(DiagnosticCategory.Scenario, Severity.Warning, false, "warning")]
    [InlineData(DiagnosticCategory.Scenario, Severity.Warning, true, "error")]
    [InlineData(DiagnosticCategory.Claim, Severity.Error, false, "error")]
    [InlineData(DiagnosticCategory.Scenario, Severity.Info, true, "info")]
    public void Format_PrintsErrorExactlyWhenTheProblemStopsTheBuild(DiagnosticCategory category, Severity severity, bool strict, string word)
    {
        var descriptor = new DiagnosticDescriptor("ERR0003", category, severity, "m");
        Assert.Equal($"f(1,1): {word} ERR0003: m", DiagnosticFormatter.Format(descriptor.At(new SourceSpan("f", 0, 0, 1)), strict));
        var stops = descriptor.IsBadInput(strict) || category == DiagnosticCategory.Claim && severity == Severity.Error;
        Assert.Equal(stops, descriptor.EffectiveSeverity(strict) == Severity.Error);
    }

    [Theory]
    [InlineData(DiagnosticCategory.Document, true)]
    [InlineData(DiagnosticCategory.Markup, false)]
    [InlineData(DiagnosticCategory.Scenario, true)]
    [InlineData(DiagnosticCategory.Assembler, true)]
    [InlineData(DiagnosticCategory.Claim, false)]
    [InlineData(DiagnosticCategory.Config, true)]
    [InlineData(DiagnosticCategory.Template, true)]
    [InlineData(DiagnosticCategory.Command, true)]
    public void Category_DecidesWhetherAnErrorIsBadInput(DiagnosticCategory category, bool badInput)
    {
        var descriptor = new DiagnosticDescriptor("ERR0004", category, Severity.Error, "m");
        Assert.Equal(badInput, descriptor.IsBadInput(strict: false));
        Assert.Equal(category != DiagnosticCategory.Claim, descriptor.IsBadInput(strict: true));
    }
}
