using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.KvmTests;

/// <summary>
/// KVM injects one event per entry (x86.c kvm_check_and_inject_events): what is still pending and
/// allowed goes in after an immediate exit, so it arrives where the processor would take it.
/// </summary>
public sealed class InjectionLoopTests
{
    /// <summary>
    /// An NMI held at GIF=0 and the single-step trap of the STGI that releases it: the #DB goes first
    /// (priority 4 before 5) and the NMI is taken before the #DB handler's first instruction. Under KVM
    /// the #DB is injected and the NMI waits only for the immediate exit, not for the next unrelated one.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void NmiQueuedBehindAnInjectedDb_ArrivesAtTheHandlersFirstInstruction(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label raise = p.Label(), after = p.Label(), handler = p.Label();
        a.clgi();
        p.At(ref raise);
        a.nop();
        a.pushfq();
        a.or(__qword_ptr[rsp], 0x100);
        a.popfq();
        a.stgi();
        p.At(ref after);
        a.nop();
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.and(__qword_ptr[rsp + 16], ~0x100);
        a.iretq();
        p.Handler(EventId.DebugException, handler);
        p.Inject(EventId.Nmi, raise);
        var o = p.Run(profile);
        var db = o.Delivered(EventId.DebugException).Single();
        var nmi = o.Delivered(EventId.Nmi).Single();
        Assert.Equal(p.Address(after), db.DeliveredBefore);
        Assert.Equal(p.Address(handler), nmi.DeliveredBefore);
        Assert.True(db.DeliveryOrder < nmi.DeliveryOrder, o.Describe());
    }

    /// <summary>
    /// A machine check and an NMI raised together: #MC first (priority 1), the NMI at the #MC
    /// handler's first instruction. KVM injects the #MC, finds the NMI allowed but one event already
    /// in, and exits at once to inject it (-EBUSY, req_immediate_exit).
    /// </summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void NmiRaisedWithAMachineCheck_ArrivesAtTheMcHandlersFirstInstruction(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label raise = p.Label(), handler = p.Label();
        p.At(ref raise);
        a.nop();
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.iretq();
        p.Handler(EventId.Exception(18), handler);
        p.Inject(EventId.Exception(18), raise);
        p.Inject(EventId.Nmi, raise);
        var o = p.Run(profile);
        var mc = o.Delivered(EventId.Exception(18)).Single();
        var nmi = o.Delivered(EventId.Nmi).Single();
        Assert.Equal(p.Address(raise), mc.DeliveredBefore);
        Assert.Equal(p.Address(handler), nmi.DeliveredBefore);
        Assert.True(mc.DeliveryOrder < nmi.DeliveryOrder, o.Describe());
    }

    /// <summary>
    /// kvm-unit-tests svm_intr_intercept_mix_nmi: L1 intercepts NMI; L2 clears GIF and sends itself an
    /// NMI. The #VMEXIT(NMI) comes at L2's STGI: with vGIF KVM's STGI intercept for the NMI window
    /// reaches vmcb02 (recalc_intercepts), without vGIF STGI is intercepted anyway.
    /// </summary>
    [Theory]
    [InlineData("apm")]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void NmiAfterL2Clgi_ExitsToL1AtL2Stgi(string profile)
    {
        var (o, afterStgi) = SelfIpiAfterL2Clgi(profile, icrLow: 0x4_0400, intercept: "intercept_nmi"); // self, delivery mode NMI
        Assert.Equal(afterStgi, o.Single(EventId.VmExit(0x61)).Rip);
        Assert.Empty(o.Of(EventId.VmExit(0x81)));
    }

    /// <summary>
    /// kvm-unit-tests svm_intr_intercept_mix_gif2: the same with a self-IPI and the INTR intercept. With
    /// vGIF, KVM's interrupt window (V_IRQ, VINTR intercepted) is written into vmcb02 and opens at L2's STGI.
    /// </summary>
    [Theory]
    [InlineData("apm")]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void IntrAfterL2Clgi_ExitsToL1AtL2Stgi(string profile)
    {
        var (o, afterStgi) = SelfIpiAfterL2Clgi(profile, icrLow: 0x4_0060, intercept: "intercept_intr"); // self, fixed, vector 0x60
        Assert.Equal(afterStgi, o.Single(EventId.VmExit(0x60)).Rip);
    }

    /// <summary>On qemu-tcg L2's WRMSR to the x2APIC ICR sends nothing (qemu.no-x2apic): no exit but L2's VMMCALL.</summary>
    [Fact]
    public void SelfIpiAfterL2Clgi_SendsNothingOnQemuTcg()
    {
        var (o, _) = SelfIpiAfterL2Clgi("qemu-tcg", icrLow: 0x4_0060, intercept: "intercept_intr");
        Assert.Empty(o.Of(EventId.VmExit(0x60)));
        Assert.Single(o.Of(EventId.VmExit(0x81)));
    }

    /// <summary>L2 (IF=1) runs CLGI, sends itself an IPI through the x2APIC ICR, then STGI; L1 intercepts <paramref name="intercept"/>.</summary>
    private static (Outcome Outcome, ulong AfterStgi) SelfIpiAfterL2Clgi(string profile, int icrLow, string intercept)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label guest = p.Label(), afterStgi = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        a.clgi();
        a.mov(ecx, 0x830);
        a.mov(eax, icrLow);
        a.xor(edx, edx);
        a.wrmsr();
        a.nop();
        a.stgi();
        p.At(ref afterStgi);
        a.nop();
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb[intercept] = 1;
        p.Vmcb["rflags"] = 0x202;
        return (p.Run(profile), p.Address(afterStgi));
    }

    /// <summary>
    /// svm_check_nested_events stops at the first event that is not blocked: an NMI L1 does not
    /// intercept goes into L2 first, and the INTR L1 intercepts exits only when L2's IF opens again
    /// after the NMI handler's IRET, as the processor would take them.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void NmiNotInterceptedAndIntrIntercepted_NmiGoesIntoL2First(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label guest = p.Label(), raise = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        a.nop();
        p.At(ref raise);
        a.nop();
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb["intercept_intr"] = 1;
        p.Vmcb["rflags"] = 0x202;
        p.Inject(EventId.Nmi, raise);
        p.Inject(EventId.Intr(0x60), raise);
        var o = p.Run(profile);
        var nmi = o.Delivered(EventId.Nmi).Single();
        Assert.True(nmi.InGuest, o.Describe());
        Assert.Equal(p.Address(raise), nmi.DeliveredBefore);
        var exit = o.Single(EventId.VmExit(0x60));
        Assert.Equal(p.Address(raise), exit.Rip);
        Assert.True(nmi.DeliveryOrder < exit.DeliveryOrder, o.Describe());
    }
}
