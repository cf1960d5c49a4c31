using Errata.Scenarios.Assembly;

namespace Errata.Scenarios.Tests.Assembly;

/// <summary>One test per construct of the assembly grammar.</summary>
public class GrammarTests
{
    [Theory]
    [InlineData("mov eax, 26", "B81A000000")]
    [InlineData("mov eax, 0x1A", "B81A000000")]
    [InlineData("mov eax, 1Ah", "B81A000000")]
    [InlineData("mov eax, 0FFh", "B8FF000000")]
    [InlineData("mov eax, 0b11010", "B81A000000")]
    [InlineData("mov eax, 1_000", "B8E8030000")]
    [InlineData("mov eax, 'AB'", "B841420000")]
    public void Numbers_InEveryNasmForm(string line, string hex) => Assert.Equal(hex, Asm.Hex(Asm.Bytes(line)));

    [Theory]
    [InlineData("mov eax, 2+3*4", 14)]
    [InlineData("mov eax, (2+3)*4", 20)]
    [InlineData("mov eax, 1<<4|1", 17)]
    [InlineData("mov eax, 0xF0 & 0x3C", 0x30)]
    [InlineData("mov eax, 0x100 >> 4", 0x10)]
    [InlineData("mov eax, ~0 & 0xFF", 0xFF)]
    [InlineData("mov eax, -(-5)", 5)]
    [InlineData("mov eax, 10-2-3", 5)]
    public void Expressions_FollowNasmPrecedence(string line, int value) =>
        Assert.Equal(value, BitConverter.ToInt32(Asm.Bytes(line), 1));

    [Fact]
    public void Expressions_OverLabels()
    {
        var result = Asm.Assemble("start: mov eax, finish - start", "mov rbx, finish + 0x10", "finish: hlt");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("B80A000000" + "BB1A104000" + "F4", Asm.Hex(result.Bytes));
    }

    [Fact]
    public void Dollar_IsTheCurrentLine()
    {
        Assert.Equal("EBFE", Asm.Hex(Asm.Bytes("jmp $")));
    }

    [Fact]
    public void CommentsAndBlankLines_AreIgnored()
    {
        var result = Asm.Assemble("; header", "", "   nop ; trailing", "\t", "label: ; only a label", "hlt");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("90F4", Asm.Hex(result.Bytes));
        Assert.Equal(Asm.Base + 1, result.Labels["label"]);
    }

    [Fact]
    public void MnemonicsAndRegisters_IgnoreCase_LabelsDoNot()
    {
        var result = Asm.Assemble("MOV RAX, Target", "Target: HLT");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Asm.Base + 5, result.Labels["Target"]);
        Assert.Equal("ERR0304", Assert.Single(Asm.Assemble("jmp target", "Target: hlt").Diagnostics).Id);
    }

    [Theory]
    [InlineData("mov rax, [rbx+rcx*8]", "488B04CB")]
    [InlineData("mov rax, [rcx*8+rbx]", "488B04CB")]
    [InlineData("mov rax, [8*rcx+rbx+16]", "488B44CB10")]
    [InlineData("mov rax, [rbx-8]", "488B43F8")]
    [InlineData("mov rax, [rbx+0x1000]", "488B8300100000")]
    [InlineData("mov rax, [rsp]", "488B0424")]
    [InlineData("mov rax, [r12]", "498B0424")]
    [InlineData("mov rax, [r13]", "498B4500")]
    [InlineData("mov rax, [rbx+rsp]", "488B041C")]
    [InlineData("mov eax, [fs:0x28]", "648B042528000000")]
    [InlineData("mov eax, [ebx]", "678B03")]
    public void MemoryOperands(string line, string hex) => Assert.Equal(hex, Asm.Hex(Asm.Bytes(line)));

    [Fact]
    public void RelLabel_IsRipRelative()
    {
        var result = Asm.Assemble("mov rax, [rel value]", "hlt", "value: dq 0x1122334455667788");
        Assert.Empty(result.Diagnostics);
        // 7-byte instruction, then hlt: value is 1 byte past the next instruction.
        Assert.Equal("488B0501000000F4" + "8877665544332211", Asm.Hex(result.Bytes));
        var instruction = result.Instructions[0].Instruction;
        Assert.True(instruction.IsIPRelativeMemoryOperand);
        Assert.Equal(result.Labels["value"], instruction.IPRelativeMemoryAddress);
    }

    [Fact]
    public void AbsoluteLabel_WithoutRel_IsDisp32()
    {
        var result = Asm.Assemble("mov rax, [value]", "value: dq 0");
        Assert.Equal("488B042508104000", Asm.Hex(result.Bytes[..8]));
    }

    [Theory]
    [InlineData("db 1, 2, 0xFF, -1", "0102FFFF")]
    [InlineData("db 'hi', 0", "686900")]
    [InlineData("db \"a;b\"", "613B62")]
    [InlineData("dw 0x1234, -2", "3412FEFF")]
    [InlineData("dw 'abc'", "61626300")]
    [InlineData("dd 0xDEADBEEF", "EFBEADDE")]
    [InlineData("dq -1", "FFFFFFFFFFFFFFFF")]
    public void DataDirectives(string line, string hex) => Assert.Equal(hex, Asm.Hex(Asm.Bytes(line)));

    [Fact]
    public void DataDirectives_LongerThanOneBlockChunk()
    {
        var text = new string('x', 40);
        Assert.Equal(Convert.ToHexString(System.Text.Encoding.ASCII.GetBytes(text)) + "00", Asm.Hex(Asm.Bytes($"db '{text}', 0")));
    }

    [Fact]
    public void DataDirectives_HoldLabelAddresses()
    {
        var result = Asm.Assemble("table: dq table, after", "dd after - table", "after:");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("0010400000000000" + "1410400000000000" + "14000000", Asm.Hex(result.Bytes));
    }

    [Fact]
    public void Sections_AreAlignedAndShareLabels()
    {
        var result = TextAssembler.Assemble(
            [Asm.Section("code", "mov rax, [rel counter]", "call handler", "hlt"),
             Asm.Section("handler", "handler: inc qword [counter]", "ret"),
             Asm.Section("data", "counter: dq 0")],
            Asm.Base, _ => true);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Asm.Base, result.SectionStarts["code"]);
        Assert.Equal(Asm.Base + 0x10, result.SectionStarts["handler"]);
        Assert.Equal(Asm.Base + 0x20, result.SectionStarts["data"]);
        Assert.Equal(Asm.Base + 0x20, result.Labels["counter"]);
        Assert.Equal(0x28, result.Bytes.Length);
        Assert.All(result.Bytes[13..16], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Prefixes_AndStringInstructions()
    {
        Assert.Equal("F3A4" + "F348AB" + "F0480103", Asm.Hex(Asm.Bytes("rep movsb", "rep stosq", "lock add [rbx], rax")));
    }

    [Fact]
    public void JumpDistanceKeywords()
    {
        Assert.Equal("EB00" + "E900000000", Asm.Hex(Asm.Bytes("jmp short next", "next: jmp near after", "after:")));
    }

    [Theory]
    [InlineData("jz x", "7400")]
    [InlineData("jnz x", "7500")]
    [InlineData("jc x", "7200")]
    [InlineData("jnc x", "7300")]
    [InlineData("jge x", "7D00")]
    [InlineData("loop x", "E200")]
    [InlineData("jrcxz x", "E300")]
    [InlineData("call x", "E800000000")]
    public void Branches_ToTheNextLine(string line, string hex) => Assert.Equal(hex, Asm.Hex(Asm.Bytes(line, "x:")));

    [Theory]
    [InlineData("setz al", "0F94C0")]
    [InlineData("cmovnz rax, rbx", "480F45C3")]
    [InlineData("sal eax, 2", "C1E002")]
    public void NasmConditionAliases(string line, string hex) => Assert.Equal(hex, Asm.Hex(Asm.Bytes(line)));

    [Fact]
    public void Instructions_RecordAddressLengthAndLine()
    {
        var result = Asm.Assemble("nop", "x: mov rax, 1", "hlt");
        Assert.Equal([(Asm.Base, 1), (Asm.Base + 1, 5), (Asm.Base + 6, 1)], result.Instructions.Select(i => (i.Address, i.Length)));
        Assert.Equal("x: mov rax, 1", result.Instructions[1].Line.Text);
        Assert.Equal(Asm.Base + 1, result.Instructions[1].Instruction.IP);
        Assert.Equal("mov eax, 1", TextAssembler.Format(result.Instructions[1].Instruction));
    }

    [Fact]
    public void BaseAddressZero_WithDataAndCode()
    {
        var result = TextAssembler.Assemble([Asm.Section("code", "db 1, 2", "nop", "dq 0", "jmp $")], 0, _ => true);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("0102" + "90" + "0000000000000000" + "EBFE", Asm.Hex(result.Bytes));
    }

    [Fact]
    public void EmptyInput_GivesEmptyImage()
    {
        var result = TextAssembler.Assemble([], Asm.Base, _ => true);
        Assert.Empty(result.Bytes);
        Assert.Empty(result.Diagnostics);
    }
}
