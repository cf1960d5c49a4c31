using Errata.Diagnostics;

namespace Errata.Documents.Tests.Rst;

/// <summary>Markup errors are reported with docutils' message, line and severity, and their text stays on the page.</summary>
public sealed class RstDiagnosticsTests
{
    public static TheoryData<string, string, string, int, Severity> Cases() => new()
    {
        { "*open", "ERR0232", "Inline emphasis start-string without end-string.", 0, Severity.Warning },
        { "``open", "ERR0232", "Inline literal start-string without end-string.", 0, Severity.Warning },
        { "`open", "ERR0232", "Inline interpreted text or phrase reference start-string without end-string.", 0, Severity.Warning },
        { "Title\n====\n", "ERR0236", "Title underline too short.", 1, Severity.Warning },
        { "para\n\n   quote\nunindented\n", "ERR0235", "Block quote ends without a blank line; unexpected unindent.", 3, Severity.Warning },
        { "- item\nunindented\n", "ERR0235", "Bullet list ends without a blank line; unexpected unindent.", 1, Severity.Warning },
        { "para::\n\nnot indented\n", "ERR0230", "Literal block expected; none found.", 2, Severity.Warning },
        { "one\ntwo\n   three\n", "ERR0241", "Unexpected indentation.", 2, Severity.Error },
        { "- item\n\n  Title\n  =====\n", "ERR0252", "Unexpected section title.", 3, Severity.Error },
        { "A\n=\n\nB\n-\n\nC\n=\n\nD\n~\n", "ERR0256", "Title level inconsistent:", 9, Severity.Error },
        { "+---+\n| a |\n+--\n", "ERR0243", "Malformed table.", 0, Severity.Error },
        { ".. nosuchdirective:: x\n", "ERR0209", "Unknown directive type \"nosuchdirective\".", 0, Severity.Error },
        { "|nosub|\n", "ERR0211", "Undefined substitution referenced: \"nosub\".", 0, Severity.Error },
        { "see nowhere_\n", "ERR0248", "Unknown target name: \"nowhere\".", 0, Severity.Error },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markup_Error_ReportedLikeDocutils(string rst, string id, string message, int line, Severity severity)
    {
        var doc = RstReaderSpecs.Read(rst);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal((id, message, line, severity), (d.Id, DocutilsDiagnosticsTests.DocutilsSentence(d.Message), d.Span.Line, d.Severity));
        Assert.Equal("t.rst", d.Span.Path);
    }

    [Fact]
    public void Circular_Substitution_IsErrorAndLeavesNoCycle()
    {
        var doc = RstReaderSpecs.Read("|a|\n\n.. |a| replace:: x |b|\n.. |b| replace:: |a|\n");
        Assert.Contains(doc.Diagnostics, d => d.IsError && d.Span.Line == 0 && d.Message.StartsWith("Circular substitution", StringComparison.Ordinal));
        Assert.True(Syntax.NodeWalker.Descendants(doc).Count() < 100);
    }

    [Fact]
    public void Malformed_Table_KeepsItsTextAsLiteralBlock()
    {
        var doc = RstReaderSpecs.Read("+---+\n| a |\n+--\n");
        var block = Assert.IsType<Syntax.LiteralBlock>(Assert.Single(doc.Children));
        Assert.Equal("+---+\n| a |\n+--", block.Text);
    }
}
