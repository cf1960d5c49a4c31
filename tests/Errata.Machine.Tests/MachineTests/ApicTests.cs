using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.MachineTests;

/// <summary>Self-IPIs through the xAPIC and x2APIC ICR reach the code's own processor (KVM's LAPIC on the KVM profiles).</summary>
public sealed class ApicTests
{
    public static TheoryData<string> Profiles => new() { "apm", "kvm", "kvm-novgif" };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void SelfIpiThroughX2ApicIcr_RunsTheOverridingHandler(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label handler = p.Label(), next = p.Label();
        a.sti();
        a.mov(ecx, 0x830);
        a.mov(eax, (uint)Snippets.SelfIcr(deliveryMode: 0, vector: 0x20));
        a.xor(edx, edx);
        a.wrmsr();
        p.At(ref next);
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.inc(r15);
        a.iretq();
        p.Handler(EventId.Intr(0x20), handler);
        var o = p.Run(profile);
        var intr = o.Single(EventId.Intr(0x20));
        Assert.Equal(Disposition.Delivered, intr.Disposition);
        Assert.Equal(p.Address(next), intr.DeliveredBefore);
        Assert.Equal(1UL, o.Final("r15"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void SelfSmiThroughXApicIcr_EntersAndLeavesSmm(string profile)
    {
        var p = new TestProgram();
        var next = p.Label();
        Snippets.SendSelf(p.Asm, deliveryMode: 2);
        p.At(ref next);
        p.Asm.nop();
        p.Asm.hlt();
        var o = p.Run(profile);
        var smi = o.Single(EventId.Smi);
        Assert.Equal(Disposition.Delivered, smi.Disposition);
        Assert.Equal(p.Address(next), smi.DeliveredBefore);
        Assert.Equal(RunEnd.Halted, o.End);
    }
}
