using Errata.Scenarios.Assembly;

namespace Errata.Scenarios.Tests.Assembly;

public class LabelTests
{
    [Fact]
    public void MovLabel_ForwardReference_FitsImm32()
    {
        var result = Asm.Assemble("mov rax, target", "nop", "target: hlt");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(0x401006UL, result.Labels["target"]);
        Assert.Equal("B806104000" + "90" + "F4", Asm.Hex(result.Bytes));
    }

    [Fact]
    public void JmpForward_WithinReach_IsShort()
    {
        Assert.Equal("EB01" + "90" + "F4", Asm.Hex(Asm.Bytes("jmp done", "nop", "done: hlt")));
    }

    [Fact]
    public void JmpBackward_IsShort()
    {
        Assert.Equal("90" + "EBFD", Asm.Hex(Asm.Bytes("again: nop", "jmp again")));
    }

    [Fact]
    public void JmpForward_BeyondReach_IsNear()
    {
        var lines = new[] { "jz far_away" }.Concat(Enumerable.Repeat("nop", 200)).Append("far_away: hlt").ToArray();
        var bytes = Asm.Bytes(lines);
        Assert.Equal("0F84C8000000", Asm.Hex(bytes[..6]));
    }

    [Fact]
    public void LabelAndInstruction_OnOneLine()
    {
        var result = Asm.Assemble("start: mov rax, dr0", "hlt");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Asm.Base, result.Labels["start"]);
        Assert.Equal("0F21C0F4", Asm.Hex(result.Bytes));
        Assert.Equal(2, result.Instructions.Count);
    }

    [Fact]
    public void BackwardJump_ThatReachesOnceLaidOut_StaysShort()
    {
        // The first pass guesses "jl fwd" short, which puts L4 4 bytes earlier and "jbe L4"
        // 4 bytes out of reach; once jl grows, jbe reaches exactly -128 again (NASM: 76 80).
        var result = TextAssembler.Assemble(
            [Asm.Section("code", ["jl fwd", "L4:", .. Enumerable.Repeat("nop", 111)]),
             Asm.Section("next", [.. Enumerable.Repeat("nop", 4), "jbe L4", .. Enumerable.Repeat("nop", 200), "fwd: hlt"])],
            Asm.Base, _ => true);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("0F8C48010000", Asm.Hex(result.Bytes[..6]));
        Assert.Equal("7680", Asm.Hex(result.Bytes[0x84..0x86]));
    }

    [Fact]
    public void LocalLabels_BelongToThePrecedingLabel()
    {
        var result = TextAssembler.Assemble(
            [Asm.Section("code", "main: nop", ".loop: jmp .loop", "jmp other.loop"),
             Asm.Section("handler", "other: nop", ".loop: jmp .loop", "jmp main.loop")],
            Asm.Base, _ => true);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Asm.Base + 1, result.Labels["main.loop"]);
        Assert.Equal(Asm.Base + 0x11, result.Labels["other.loop"]);
        Assert.Equal("90EBFEEB0C", Asm.Hex(result.Bytes[..5]));
    }
}
