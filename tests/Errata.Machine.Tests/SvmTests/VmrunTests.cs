using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>VMRUN and #VMEXIT: GIF transitions, host DR7, TF on VMRUN, a guest's TF, consistency checks, intercepts.</summary>
public sealed class VmrunTests
{
    private const ulong VmcbAddress = 0x460000;
    private static readonly EventId VmexitVmmcall = EventId.VmExit(0x81);

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Vmrun_GuestRunsAtGifOne_VmexitReturnsToHostAtGifZero(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label vmrun = p.Label(), after = p.Label(), guest = p.Label();
        a.clgi();
        p.At(ref vmrun);
        a.vmrun();
        p.At(ref after);
        a.stgi();
        a.hlt();
        p.At(ref guest);
        a.int3();
        a.vmmcall();
        p.Guest(guest);

        var o = p.Run(profile);

        var bp = o.Single(EventId.Exception(3));
        Assert.True(bp.InGuest);
        Assert.Equal(1UL, bp.At("gif"));
        var exit = o.Single(VmexitVmmcall);
        Assert.Equal(Disposition.Delivered, exit.Disposition);
        Assert.Equal(p.Address(after), exit.DeliveredBefore);
        Assert.Equal(0UL, exit.At("gif"));
        Assert.Equal(1UL, o.Final("gif"));
        Assert.Equal(0x81UL, o.Final.TryReadQword(VmcbAddress + 0x70));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    /// <summary>
    /// The guest sets DR6.BS by MOV DR6 and exits: the processor leaves that DR6 to the host
    /// (svm.vmexit-keeps-dr6); QEMU 7.2 loads back the host's, saved at VMRUN (qemu.vmexit-restores-host-dr6).
    /// </summary>
    [Theory]
    [InlineData("apm", 0xFFFF4FF0UL)]
    [InlineData("qemu-tcg", 0xFFFF0FF0UL)]
    public void Vmexit_LeavesTheGuestsDr6_OrRestoresTheHosts(string profile, ulong expected)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var guest = p.Label();
        a.mov(rax, VmcbAddress);
        a.vmrun();
        a.mov(rbx, dr6);
        a.hlt();
        p.At(ref guest);
        a.mov(rcx, 0xFFFF4FF0UL);
        a.mov(dr6, rcx);
        a.vmmcall();
        p.Guest(guest);
        var o = p.Run(profile);
        Assert.Equal(expected, o.Final("rbx"));
    }

    /// <summary>QEMU 7.2 reloads the host's DR7 as saved (rule qemu.vmexit-restores-host-dr7): L0 and G0 stay set.</summary>
    [Theory]
    [InlineData("apm", 0x400UL)]
    [InlineData("kvm", 0x400UL)]
    [InlineData("kvm-novgif", 0x400UL)]
    [InlineData("qemu-tcg", 0x403UL)]
    public void Vmexit_DisablesTheHostsBreakpoints(string profile, ulong dr7)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label never = p.Label(), guest = p.Label();
        Snippets.Arm(a, dr0, never, 0x403);
        a.mov(rax, VmcbAddress);
        a.vmrun();
        a.mov(rbx, dr7);
        a.hlt();
        p.At(ref never);
        a.nop();
        p.At(ref guest);
        a.vmmcall();
        p.Guest(guest);
        var o = p.Run(profile);
        Assert.Equal(dr7, o.Final("rbx") & 0xFFFF);
    }

    /// <summary>
    /// The processor reports the trap with DR6.BS; KVM queues it after the nested #VMEXIT with
    /// kvm_queue_exception, no payload, so L1's DR6 does not show BS.
    /// </summary>
    [Theory]
    [InlineData("apm", 0xFFFF4FF0UL)]
    [InlineData("kvm", 0xFFFF0FF0UL)]
    [InlineData("kvm-novgif", 0xFFFF0FF0UL)]
    public void VmrunWithHostTf_TrapsOnceAfterTheVmexitAtGifZero(string profile, ulong dr6)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label vmrun = p.Label(), guest = p.Label();
        a.clgi();
        a.mov(rax, VmcbAddress);
        Snippets.SetTrapFlag(a);
        p.At(ref vmrun);
        a.vmrun();
        Snippets.ClearTrapFlag(a);
        a.stgi();
        a.hlt();
        p.At(ref guest);
        a.nop();
        a.vmmcall();
        p.Guest(guest);
        var o = p.Run(profile);
        var atVmrun = o.Of(EventId.DebugException).Where(e => e.Rip == p.Address(vmrun)).ToArray();
        var db = Assert.Single(atVmrun);
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal(p.Address(vmrun) + 3, db.DeliveredBefore);
        Assert.Equal(0UL, db.At("gif"));
        Assert.Equal(dr6, db.At("dr6"));
        // 6.12's skip of VMRUN queued a single-step #DB too, but it is cleared before L2 can take it.
        Assert.DoesNotContain(o.Of(EventId.DebugException), e => e.InGuest || e.DeliveredBefore == p.Address(guest));
    }

    /// <summary>
    /// The host's TF on VMRUN: the processor traps after the #VMEXIT, at the instruction after VMRUN;
    /// QEMU ends VMRUN's block without the single-step check (qemu.vmrun-takes-no-single-step), so the
    /// TF its #VMEXIT restores traps only after that instruction.
    /// </summary>
    [Theory]
    [InlineData("apm", true)]
    [InlineData("qemu-tcg", false)]
    public void VmrunWithHostTf_TrapsAtTheInstructionAfterIt_OrAfterThatOne(string profile, bool atVmrun)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label vmrun = p.Label(), after = p.Label(), next = p.Label(), guest = p.Label();
        a.mov(rax, VmcbAddress);
        Snippets.SetTrapFlag(a);
        p.At(ref vmrun);
        a.vmrun();
        p.At(ref after);
        a.nop();
        p.At(ref next);
        Snippets.ClearTrapFlag(a);
        a.hlt();
        p.At(ref guest);
        a.vmmcall();
        p.Guest(guest);

        var first = p.Run(profile).Delivered(EventId.DebugException).First();

        Assert.False(first.InGuest);
        Assert.Equal(atVmrun ? p.Address(vmrun) : p.Address(after), first.Rip);
        Assert.Equal(atVmrun ? p.Address(after) : p.Address(next), first.DeliveredBefore);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void GuestTf_FromTheVmcb_TrapsAfterTheFirstGuestInstruction(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label guest = p.Label(), second = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        a.nop();
        p.At(ref second);
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb["rflags"] = 0x102;
        var o = p.Run(profile);
        var db = o.Of(EventId.DebugException).First();
        Assert.True(db.InGuest);
        Assert.Equal(p.Address(guest), db.Rip);
        Assert.Equal(p.Address(second), db.DeliveredBefore);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Vmrun_WithTheVmrunInterceptClear_ExitsInvalid(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var guest = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb["intercept_vmrun"] = 0;
        var o = p.Run(profile);
        Assert.Equal(Disposition.Delivered, o.Single(EventId.VmExit(-1)).Disposition);
        Assert.Equal(ulong.MaxValue, o.Final.TryReadQword(VmcbAddress + 0x70));
        Assert.Equal(0UL, o.Final("gif"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void GuestDb_WithDbIntercepted_ExitsToTheHostInsteadOfDelivery(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label guest = p.Label(), target = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        Snippets.Arm(a, dr0, target, 0x401);
        p.At(ref target);
        a.nop();
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb["intercept_exception"] = 1;
        var o = p.Run(profile);
        var exit = o.Single(EventId.VmExit(0x41));
        Assert.Equal(Disposition.Delivered, exit.Disposition);
        Assert.Equal(p.Address(target), exit.Rip);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Discarded, db.Disposition);
        Assert.Equal("svm.exception-intercept", db.Rule.Id);
        Assert.Equal(p.Address(target), o.Final.TryReadQword(VmcbAddress + 0x578));
    }

    /// <summary>kvm-unit-tests' pending_event: an IPI held at GIF=0 exits the guest before its first instruction.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void PendingIntr_WithIntrIntercepted_ExitsBeforeTheGuestRunsThenIsTakenAfterStgi(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label guest = p.Label(), afterStgi = p.Label();
        a.clgi();
        a.sti();
        Snippets.SendSelf(a, deliveryMode: 0, vector: 0xF1);
        a.mov(rax, VmcbAddress);
        a.vmrun();
        a.stgi();
        p.At(ref afterStgi);
        a.nop();
        a.hlt();
        p.At(ref guest);
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb["intercept_intr"] = 1;
        p.Vmcb["v_intr_masking"] = 1;
        var o = p.Run(profile);
        var exit = o.Single(EventId.VmExit(0x60));
        Assert.Equal(p.Address(guest), exit.Rip);
        Assert.Empty(o.Of(VmexitVmmcall));
        var intr = o.Single(EventId.Intr(0xF1));
        Assert.Equal(Disposition.DeliveredAfterPending, intr.Disposition);
        Assert.Equal(p.Address(afterStgi), intr.DeliveredBefore);
    }
}
