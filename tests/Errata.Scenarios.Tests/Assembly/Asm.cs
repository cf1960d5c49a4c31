using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>Builds sections from literal lines (line i of the document, column 0) and assembles them for any instruction.</summary>
internal static class Asm
{
    public const ulong Base = 0x401000;
    public const string Path = "test.md";

    public static AsmSection Section(string name, params string[] lines) =>
        new(name, lines.Select((text, i) => new SourceLine(text, new SourceSpan(Path, i, 0, 0))).ToList());

    public static AssemblyResult Assemble(params string[] lines) =>
        TextAssembler.Assemble([Section("code", lines)], Base, _ => true);

    /// <summary>The bytes of lines that must assemble without diagnostics.</summary>
    public static byte[] Bytes(params string[] lines)
    {
        var result = Assemble(lines);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Bytes;
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
