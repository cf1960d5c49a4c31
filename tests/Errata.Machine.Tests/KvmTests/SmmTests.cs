using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.KvmTests;

/// <summary>
/// SMM as such (APM Vol. 2 10.3): the state goes to the state-save area at SMBASE+FE00h and RSM
/// loads it back; under KVM the same, emulated (smm.c enter_smm, emulator_leave_smm).
/// </summary>
public sealed class SmmTests
{
    private const ulong SaveArea = 0x45FE00;
    private const ulong SavedRip = SaveArea + 0x178;

    /// <summary>SMM entry pushes nothing: what lies below the interrupted RSP survives the SMI.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Smi_LeavesTheInterruptedStackUntouched(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var raise = p.Label();
        a.mov(__qword_ptr[rsp - 8], 0x1234);
        a.mov(__qword_ptr[rsp - 40], 0x5678);
        p.At(ref raise);
        a.nop();
        a.mov(rbx, __qword_ptr[rsp - 8]);
        a.mov(rcx, __qword_ptr[rsp - 40]);
        a.hlt();
        p.Inject(EventId.Smi, raise);
        var o = p.Run(profile);
        var smi = o.Delivered(EventId.Smi).Single();
        Assert.Equal(p.Address(raise), smi.DeliveredBefore);
        Assert.Equal(p.Address(raise), smi.Frame!.Rip);
        Assert.Equal(0x1234UL, o.Final("rbx"));
        Assert.Equal(0x5678UL, o.Final("rcx"));
        Assert.Equal(p.Address(raise), o.Final.TryReadQword(SavedRip));
    }

    /// <summary>RSM reads the state-save area as the SMI handler left it: a new RIP there is where the code resumes.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Rsm_ResumesAtTheRipTheHandlerWroteIntoTheSaveArea(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label raise = p.Label(), skipped = p.Label(), target = p.Label(), handler = p.Label();
        p.At(ref raise);
        a.nop();
        p.At(ref skipped);
        a.mov(rbx, 1);
        p.At(ref target);
        a.mov(rcx, 2);
        a.hlt();
        p.At(ref handler);
        a.lea(rax, __[target]);
        a.mov(__qword_ptr[SavedRip], rax);
        a.rsm();
        p.Handler(EventId.Smi, handler);
        p.Inject(EventId.Smi, raise);
        var o = p.Run(profile);
        Assert.Single(o.Delivered(EventId.Smi));
        Assert.Equal(0UL, o.Final("rbx"));
        Assert.Equal(2UL, o.Final("rcx"));
    }

    /// <summary>An NMI raised in SMM waits for RSM (SMM entry blocks NMIs) and is then taken in the interrupted code.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void NmiRaisedInSmm_IsTakenAfterRsm(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label raise = p.Label(), after = p.Label(), handler = p.Label(), inSmm = p.Label();
        p.At(ref raise);
        a.nop();
        p.At(ref after);
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.nop();
        p.At(ref inSmm);
        a.nop();
        a.rsm();
        p.Handler(EventId.Smi, handler);
        p.Inject(EventId.Smi, raise);
        p.Inject(EventId.Nmi, inSmm);
        var o = p.Run(profile);
        var nmi = o.Delivered(EventId.Nmi).Single();
        Assert.Equal(Disposition.DeliveredAfterPending, nmi.Disposition);
        Assert.Equal(p.Address(raise), nmi.DeliveredBefore);
    }

    /// <summary>RSM outside SMM raises #UD (KVM's emulator too).</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void RsmOutsideSmm_RaisesUd(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var rsm = p.Label();
        p.At(ref rsm);
        a.rsm();
        a.hlt();
        var o = p.Run(profile);
        var ud = o.Delivered(EventId.Exception(6)).Single();
        Assert.Equal(p.Address(rsm), ud.DeliveredBefore);
        Assert.Equal("smm.rsm-outside-ud", ud.Rule.Id);
    }

    /// <summary>
    /// An SMI while L2 runs: a #VMEXIT(SMI) to L1 only when L1 intercepts SMI; otherwise SMM is
    /// entered from the guest and RSM goes back into it (under KVM: svm_enter_smm, svm_leave_smm).
    /// </summary>
    [Theory]
    [InlineData("apm", false)]
    [InlineData("kvm", false)]
    [InlineData("kvm-novgif", false)]
    [InlineData("apm", true)]
    [InlineData("kvm", true)]
    [InlineData("kvm-novgif", true)]
    public void SmiInL2_ExitsToL1OnlyWhenL1InterceptsIt(string profile, bool intercepted)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label guest = p.Label(), raise = p.Label(), end = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        a.nop();
        p.At(ref raise);
        a.nop();
        p.At(ref end);
        a.vmmcall();
        p.Guest(guest);
        if (intercepted) p.Vmcb["intercept_smi"] = 1;
        p.Inject(EventId.Smi, raise);
        var o = p.Run(profile);
        if (intercepted)
        {
            Assert.Equal(p.Address(raise), o.Single(EventId.VmExit(0x62)).Rip);
            Assert.Empty(o.Of(EventId.VmExit(0x81)));
            return;
        }
        Assert.Empty(o.Of(EventId.VmExit(0x62)));
        var smi = o.Delivered(EventId.Smi).Single();
        Assert.True(smi.InGuest, o.Describe());
        Assert.Equal(p.Address(raise), smi.DeliveredBefore);
        Assert.Equal(p.Address(end), o.Single(EventId.VmExit(0x81)).Rip);
    }
}
