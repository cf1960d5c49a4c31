using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.MachineTests;

public sealed class DecodedCacheTests
{
    [Fact]
    public void StoreOverADecodedInstruction_IsSeenWhenItRunsAgain()
    {
        var p = new TestProgram();
        var a = p.Asm;
        var target = p.Label();
        a.mov(ecx, 2);
        p.At(ref target);
        a.mov(edx, 1); // B8+r imm32: the immediate starts one byte in
        a.add(rbx, rdx);
        a.lea(rsi, __[target]);
        a.mov(__byte_ptr[rsi + 1], 5);
        a.dec(ecx);
        a.jnz(target);
        a.hlt();
        var o = p.Run("apm");
        Assert.Equal(6UL, o.Final("rbx"));
    }

    [Fact]
    public void LongLoop_OfFastForms_CountsEveryInstruction()
    {
        var p = new TestProgram { Budget = 1_000_000 };
        var a = p.Asm;
        var loop = p.Label();
        a.mov(rcx, 1000);
        p.At(ref loop);
        a.add(rax, rcx);
        a.cmp(rax, 0);
        a.dec(rcx);
        a.jnz(loop);
        a.hlt();
        var o = p.Run("apm");
        Assert.Equal(4002, o.Instructions);
        Assert.Equal(500500UL, o.Final("rax"));
        Assert.Equal(0x44UL, o.Final("rflags") & 0xD5); // ZF, PF; CF kept clear by DEC
    }
}
