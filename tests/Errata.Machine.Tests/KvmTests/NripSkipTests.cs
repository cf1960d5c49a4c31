using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.KvmTests;

/// <summary>
/// An intercepted instruction has not executed, so its #VMEXIT keeps RF=1 when it began with it;
/// KVM skips it by moving RIP to the next RIP and leaves RF set (svm.c __svm_skip_emulated_instruction).
/// </summary>
public sealed class NripSkipTests
{
    /// <summary>
    /// Instruction breakpoints on an OUT and on the instruction after it. The #DB handler resumes the
    /// OUT with RF=1. The processor clears RF when the OUT completes, so the second breakpoint fires;
    /// under KVM the OUT exits (IOIO) and is skipped with RF still set, which hides the second one.
    /// </summary>
    [Theory]
    [InlineData("apm", 2)]
    [InlineData("kvm", 1)]
    [InlineData("kvm-novgif", 1)]
    public void BreakpointAfterAnInstructionKvmSkips_IsSuppressedByTheResumeFlag(string profile, int dbCount)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label port = p.Label(), next = p.Label();
        a.lea(rax, __[port]);
        a.mov(dr0, rax);
        a.lea(rax, __[next]);
        a.mov(dr1, rax);
        a.mov(eax, 0x5);
        a.mov(dr7, rax);
        a.xor(eax, eax);
        p.At(ref port);
        a.@out(0x80, al);
        p.At(ref next);
        a.nop();
        a.hlt();
        var o = p.Run(profile);
        var delivered = o.Delivered(EventId.DebugException).ToArray();
        Assert.True(delivered.Length == dbCount, o.Describe());
        Assert.Equal(p.Address(port), delivered[0].DeliveredBefore);
        if (dbCount == 2) Assert.Equal(p.Address(next), delivered[1].DeliveredBefore);
    }
}
