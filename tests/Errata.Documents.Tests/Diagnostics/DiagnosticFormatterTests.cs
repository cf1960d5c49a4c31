using Errata.Documents.Diagnostics;

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
}
