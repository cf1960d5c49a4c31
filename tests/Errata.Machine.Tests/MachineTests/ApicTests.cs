using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.MachineTests;

/// <summary>Self-IPIs through the xAPIC and x2APIC ICR reach the code's own processor (KVM's LAPIC on the KVM profiles).</summary>
public sealed class ApicTests
{
    [Theory]
    [InlineData("apm")]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void SelfIpiThroughX2ApicIcr_RunsTheOverridingHandler(string profile)
    {
        var (p, next) = SelfIpiThroughX2ApicIcr();
        var o = p.Run(profile);
        var intr = o.Single(EventId.Intr(0x20));
        Assert.Equal(Disposition.Delivered, intr.Disposition);
        Assert.Equal(p.Address(next), intr.DeliveredBefore);
        Assert.Equal(1UL, o.Final("r15"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    /// <summary>QEMU 7.2's TCG ignores WRMSR to the x2APIC ICR (rule qemu.no-x2apic): no interrupt is raised at all.</summary>
    [Fact]
    public void SelfIpiThroughX2ApicIcr_SendsNothingOnQemuTcg()
    {
        var (p, _) = SelfIpiThroughX2ApicIcr();
        var o = p.Run("qemu-tcg");
        Assert.DoesNotContain(o.Events, e => e.Id == EventId.Intr(0x20));
        Assert.Equal(0UL, o.Final("r15"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    /// <summary>STI, a fixed self-IPI of vector 0x20 through the x2APIC ICR, then NOP and HLT; the interrupt's handler counts in R15.</summary>
    private static (TestProgram Program, Iced.Intel.Label Next) SelfIpiThroughX2ApicIcr()
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
        return (p, next);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
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
