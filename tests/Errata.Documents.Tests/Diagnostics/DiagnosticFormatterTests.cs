using Errata.Diagnostics;

namespace Errata.Documents.Tests.Diagnostics;

public class DiagnosticFormatterTests
{
    [Fact]
    public void Format_IsCompilerStyle_WithOneBasedPositions()
    {
        var d = new DiagnosticDescriptor("ERR0001", "Test", Severity.Error, "unknown mnemonic '{0}'")
            .At(new SourceSpan("docs/a.md", 11, 4, 3), "movz");
        Assert.Equal("docs/a.md(12,5): error ERR0001: unknown mnemonic 'movz'", DiagnosticFormatter.Format(d));
    }

    [Fact]
    public void Format_NamesWarnings()
    {
        var d = new DiagnosticDescriptor("ERR0002", "Test", Severity.Warning, "w").At(new SourceSpan("f", 0, 0, 1));
        Assert.Equal("f(1,1): warning ERR0002: w", d.ToString());
    }

    [Theory]
    [InlineData(DiagnosticDescriptor.Markup, Severity.Error, false, "warning")]
    [InlineData(DiagnosticDescriptor.Markup, Severity.Error, true, "error")]
    [InlineData(DiagnosticDescriptor.Markup, Severity.Warning, false, "warning")]
    [InlineData(DiagnosticDescriptor.Markup, Severity.Warning, true, "error")]
    [InlineData("Scenario", Severity.Error, false, "error")]
    [InlineData("Scenario", Severity.Warning, false, "warning")]
    [InlineData("Scenario", Severity.Warning, true, "error")]
    [InlineData(DiagnosticDescriptor.Claim, Severity.Error, false, "error")]
    [InlineData("Scenario", Severity.Info, true, "info")]
    public void Format_PrintsErrorExactlyWhenTheProblemStopsTheBuild(string category, Severity severity, bool strict, string word)
    {
        var descriptor = new DiagnosticDescriptor("ERR0003", category, severity, "m");
        Assert.Equal($"f(1,1): {word} ERR0003: m", DiagnosticFormatter.Format(descriptor.At(new SourceSpan("f", 0, 0, 1)), strict));
        var stops = descriptor.IsBadInput(strict) || category == DiagnosticDescriptor.Claim && severity == Severity.Error;
        Assert.Equal(stops, descriptor.EffectiveSeverity(strict) == Severity.Error);
    }
}
