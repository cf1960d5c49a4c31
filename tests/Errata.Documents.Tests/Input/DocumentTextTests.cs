using System.Text;
using Errata.Diagnostics;

namespace Errata.Documents.Tests.Input;

public sealed class DocumentTextTests
{
    private static (string Text, List<Diagnostic> Diagnostics) Decode(byte[] bytes)
    {
        var diagnostics = new List<Diagnostic>();
        return (DocumentText.Decode(bytes, "docs/page.md", diagnostics), diagnostics);
    }

    private static byte[] Bytes(params object[] parts) =>
        [.. parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p)];

    [Fact]
    public void ValidUtf8_ReadsWithoutDiagnostics_AndDropsTheByteOrderMark()
    {
        var (text, d) = Decode(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "# Tête\n\nnaïve ✓\n"));
        Assert.Empty(d);
        Assert.Equal("# Tête\n\nnaïve ✓\n", text);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, 0xFF)]
    [InlineData(new byte[] { 0xC3, 0x28 }, 0xC3)]
    [InlineData(new byte[] { 0xE2, 0x82 }, 0xE2)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0xED)]
    public void InvalidUtf8_IsAWarning_AtTheFirstBadByte_AndStillReads(byte[] bad, int first)
    {
        // Column counts characters, so the two-byte "é" before the bad bytes is one column.
        var (text, d) = Decode(Bytes("# T\n\r\nété ", bad, " after\n\n", new byte[] { 0xFF }, "\n"));
        var w = Assert.Single(d);
        Assert.Equal(("ERR0122", Severity.Warning), (w.Id, w.Severity));
        Assert.Equal(("docs/page.md", 2, 4), (w.Span.Path, w.Span.Line, w.Span.Column));
        Assert.Contains($"0x{first:X2}", w.Message, StringComparison.Ordinal);
        Assert.Contains("expected UTF-8", w.Message, StringComparison.Ordinal);
        Assert.Contains("été \uFFFD", text, StringComparison.Ordinal);
        Assert.EndsWith(" after\n\n\uFFFD\n", text, StringComparison.Ordinal);
    }
}
