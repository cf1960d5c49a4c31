using Errata.Scenarios.Assembly;
using Iced.Intel;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>Every malformed line gets one diagnostic, with its own id, at the exact token.</summary>
public class DiagnosticTests
{
    private static bool WithoutRdtscOrX87(Code code) => code != Code.Rdtsc && code.Mnemonic() != Mnemonic.Fld;

    [Theory]
    [InlineData("movz rax, 1", "ERR0301", 0, 4)]
    [InlineData("mov rax, dr9", "ERR0302", 9, 3)]
    [InlineData("mov rax, cr5", "ERR0302", 9, 3)]
    [InlineData("mov rax, rbx+1", "ERR0302", 9, 5)]
    [InlineData("jmp nowhere", "ERR0304", 4, 7)]
    [InlineData("rdtsc", "ERR0305", 0, 5)]
    [InlineData("fld st0", "ERR0305", 0, 3)]
    [InlineData("mov eax, rbx", "ERR0306", 0, 12)]
    [InlineData("hlt rax", "ERR0306", 0, 7)]
    [InlineData("mov [rax], 5", "ERR0307", 4, 5)]
    [InlineData("inc [rbx+8]", "ERR0307", 4, 7)]
    [InlineData("nop\u0001", "ERR0103", 3, 1)]
    [InlineData("mov rax, 1 2", "ERR0309", 11, 1)]
    [InlineData("mov rax, [rbx", "ERR0309", 13, 1)]
    [InlineData("mov rax, (1", "ERR0309", 11, 1)]
    [InlineData("mov rax, 1,", "ERR0309", 11, 1)]
    [InlineData("lock", "ERR0309", 4, 1)]
    [InlineData("%define x 1", "ERR0309", 0, 1)]
    [InlineData("mov rax, 12q", "ERR0310", 9, 3)]
    [InlineData("mov rax, 0x1_0000_0000_0000_0000", "ERR0310", 9, 23)]
    [InlineData("db 300", "ERR0311", 3, 3)]
    [InlineData("dw 0x10000", "ERR0311", 3, 7)]
    [InlineData("db 1, (2*200)", "ERR0311", 6, 7)]
    [InlineData("add al, 300", "ERR0311", 8, 3)]
    [InlineData("add al, (100+200)", "ERR0311", 8, 9)]
    [InlineData("mov rax, [rax*3]", "ERR0313", 9, 7)]
    [InlineData("mov rax, [rel rbx]", "ERR0313", 9, 9)]
    [InlineData("mov rax, [rbx-rcx]", "ERR0313", 9, 9)]
    [InlineData("mov rax, [rax+rbx+rcx]", "ERR0313", 9, 13)]
    [InlineData("mov rax, [cr0]", "ERR0313", 9, 5)]
    [InlineData("mov ah, sil", "ERR0314", 0, 11)]
    [InlineData("rax: nop", "ERR0316", 0, 3)]
    [InlineData("db 'abc", "ERR0317", 3, 4)]
    [InlineData("mov byte rax, 1", "ERR0309", 9, 3)]
    public void MalformedLine_ReportsOneErrorAtToken(string line, string id, int column, int length)
    {
        var result = TextAssembler.Assemble([Asm.Section("code", "nop", line)], Asm.Base, WithoutRdtscOrX87);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal((1, column, length), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal(Asm.Path, d.Span.Path);
        Assert.True(result.HasErrors);
    }

    [Theory]
    [InlineData("(", 10_000)]
    [InlineData("-", 10_000)]
    public void DeepNesting_IsAnErrorNotAStackOverflow(string opener, int count)
    {
        var d = Assert.Single(Asm.Assemble("mov eax, " + string.Concat(Enumerable.Repeat(opener, count)) + "1").Diagnostics);
        Assert.Equal("ERR0309", d.Id);
    }

    [Fact]
    public void DuplicateLabel_PointsAtSecondAndNamesFirstLine()
    {
        var result = Asm.Assemble("a: nop", "nop", "a: hlt");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("ERR0303", d.Id);
        Assert.Equal((2, 0, 1), (d.Span.Line, d.Span.Column, d.Span.Length));
        Assert.Equal("label 'a' is defined twice (first at line 1)", d.Message);
    }

    [Fact]
    public void DuplicateLabel_AcrossSections()
    {
        var result = TextAssembler.Assemble([Asm.Section("code", "x: nop"), Asm.Section("data", "x: dq 0")], Asm.Base, _ => true);
        Assert.Equal("ERR0303", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void ShortJump_OutOfReach_IsAnError()
    {
        var lines = new[] { "jmp short target" }.Concat(Enumerable.Repeat("nop", 130)).Append("target: hlt").ToArray();
        var d = Assert.Single(Asm.Assemble(lines).Diagnostics);
        Assert.Equal("ERR0312", d.Id);
        Assert.Equal((0, 4, 12), (d.Span.Line, d.Span.Column, d.Span.Length));
    }

    [Theory]
    [InlineData("movz rax, 1", "unknown mnemonic 'movz'; expected an instruction, a prefix or a data directive (db dw dd dq)")]
    [InlineData("mov rax, dr9", "invalid operand 'dr9': expected a register, a number, a label or a memory operand")]
    [InlineData("rdtsc", "instruction 'rdtsc' is not supported by the machine")]
    [InlineData("jmp foo", "undefined label 'foo'; expected a label defined in the scenario's code")]
    [InlineData("mov eax, rbx", "invalid operands for 'mov': 'eax, rbx' matches no form of the instruction")]
    [InlineData("mov [rax], 5", "operation size not specified for '[rax]': expected byte, word, dword or qword before the memory operand")]
    public void Message_QuotesTheText(string line, string message)
    {
        var result = TextAssembler.Assemble([Asm.Section("code", line)], Asm.Base, WithoutRdtscOrX87);
        Assert.Equal(message, Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void UndefinedLabel_IsTheOnlyErrorOfItsLine()
    {
        var result = Asm.Assemble("mov al, nowhere", "dq elsewhere");
        Assert.Equal([("ERR0304", 0, 8), ("ERR0304", 1, 3)], result.Diagnostics.Select(d => (d.Id, d.Span.Line, d.Span.Column)));
    }

    [Fact]
    public void Errors_DoNotStopTheRest()
    {
        var result = Asm.Assemble("movz rax, 1", "target: nop", "jmp target", "bogus", "hlt");
        Assert.Equal(["ERR0301", "ERR0301"], result.Diagnostics.Select(d => d.Id));
        Assert.Equal("90EBFDF4", Asm.Hex(result.Bytes));
    }
}
