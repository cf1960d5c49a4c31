using CsCheck;
using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>Whatever the text, the assembler answers with bytes or located diagnostics, never an exception.</summary>
public class RobustnessTests
{
    private static readonly string[] Fragments =
    [
        "mov", "add", "sub", "jmp", "jz", "jmp short", "call", "lea", "push", "pop", "nop", "hlt", "clgi", "stgi", "vmrun",
        "imul", "xchg", "test", "shl", "movzx", "int", "ret", "rep", "lock", "db", "dw", "dd", "dq", "movsb", "rdtsc",
        "rax", "eax", "ax", "al", "ah", "sil", "r8", "r15d", "r8b", "cs", "ds", "fs", "cr0", "cr8", "cr5", "dr7", "dr9", "rip", "rsp",
        "byte", "word", "dword", "qword", "short", "near", "rel", "abs",
        "0", "1", "-1", "300", "0x7fffffff", "0xFFFFFFFFFFFFFFFF", "0x1_0000_0000_0000_0000", "12h", "0FFh", "0b101", "0x", "1e5", "99999999999999999999",
        "a", "b", "start", ".x", "a:", "b:", "start:", "$",
        ",", "[", "]", "+", "-", "*", "(", ")", "~", "|", "&", "<<", ">>", ":", ";", "'", "\"", "'ab'", "\"x\"",
        "\0", "\u0001", "\u007f", "é", "%", "#", "{", "\t", "[rax+rbx*4+8]", "[rel a]", "[rsp*2]",
    ];

    private static readonly Gen<string> Line = Gen.Frequency(
        (4, Gen.OneOf(Fragments).Array[0, 8].Select(Gen.OneOf(" ", "", ", "), (parts, separator) => string.Join(separator, parts))),
        (1, Gen.String[Gen.Char[(char)0, (char)0x7F], 0, 60]));

    private static readonly Gen<AsmSection[]> Sections =
        Gen.Select(Line.Array[0, 10], Gen.OneOf(1, 2, 16, 4096), (lines, alignment) => (lines, alignment))
            .Array[1, 3]
            .Select(sections => sections.Select((s, i) => new AsmSection($"s{i}",
                s.lines.Select((text, j) => new SourceLine(text, new SourceSpan(Asm.Path, i * 100 + j, 4, 0))).ToList(), s.alignment)).ToArray());

    [Fact]
    public void RandomBodies_GiveDiagnosticsNotExceptions()
    {
        Sections.Sample(sections =>
        {
            var result = TextAssembler.Assemble(sections, Asm.Base, _ => true);
            foreach (var d in result.Diagnostics)
            {
                var line = sections.SelectMany(s => s.Lines).First(l => l.Origin.Line == d.Span.Line).Text;
                int column = d.Span.Column - 4;
                Assert.InRange(column, 0, line.Length);
                Assert.InRange(d.Span.Length, 1, line.Length - column + 1);
                Assert.False(string.IsNullOrEmpty(d.Message));
                Assert.True(d.Descriptor.Category == DiagnosticCategory.Assembler || d.Descriptor == TextErrors.ControlCharacter, d.Id);
            }
            foreach (var instruction in result.Instructions)
                Assert.InRange(instruction.Address + (ulong)instruction.Length, Asm.Base, Asm.Base + (ulong)result.Bytes.Length);
        }, iter: 20_000, print: s => string.Join(" | ", s.Select(x => string.Join(" / ", x.Lines.Select(l => l.Text)))));
    }
}
