using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>vGIF on and off: where L1's GIF lives, what CLGI/STGI do, and KVM's deviations of reference §3.5.</summary>
public sealed class VgifTests
{
    private const ulong VmcbIntCtl = 0x460060;
    private const ulong VGifBit = 1UL << 9;

    /// <summary>kvm-unit-tests' vgif: the guest's STGI/CLGI change V_GIF in the VMCB, without exits.</summary>
    [Theory]
    [InlineData("apm", true, 0UL)]
    [InlineData("kvm", true, 0UL)]
    [InlineData("kvm-novgif", false, VGifBit)]
    public void GuestClgi_WithVGifEnable_ClearsVGifInTheVmcb(string profile, bool vgifVirtualised, ulong expectedVGif)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var guest = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref guest);
        a.clgi();
        a.vmmcall();
        p.Guest(guest);
        p.Vmcb["v_gif_enable"] = 1;
        p.Vmcb["v_gif"] = 1;
        var o = p.Run(profile);
        Assert.Equal(Disposition.Delivered, o.Single(EventId.VmExit(0x81)).Disposition);
        Assert.Empty(o.Of(EventId.VmExit(0x85)));
        Assert.Equal(expectedVGif, o.Final.TryReadQword(VmcbIntCtl)!.Value & VGifBit);
        Assert.Equal(vgifVirtualised, expectedVGif == 0);
    }

    [Theory]
    [InlineData("apm", 0UL)]
    [InlineData("kvm", 0UL)]
    [InlineData("kvm-novgif", 0UL)]
    public void L1Clgi_GifAsTheCodeSeesIt_IsZero(string profile, ulong expected)
    {
        var p = new TestProgram();
        p.Asm.clgi();
        p.Asm.hlt();
        Assert.Equal(expected, p.Run(profile).Final("gif"));
    }

    /// <summary>Reference §3.5: with vGIF, KVM runs L1 with EFER.SVME forced on and CLGI not intercepted, so no #UD.</summary>
    [Theory]
    [InlineData("apm", true)]
    [InlineData("kvm", false)]
    [InlineData("kvm-novgif", true)]
    public void Clgi_AfterL1ClearsSvme_RaisesUdOnlyWhereItIsChecked(string profile, bool raisesUd)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Snippets.ClearSvme(a);
        a.clgi();
        a.hlt();
        var o = p.Run(profile);
        Assert.Equal(raisesUd, o.Delivered(EventId.Exception(6)).Any());
        Assert.Equal(raisesUd ? RunEnd.Stopped : RunEnd.Halted, o.End);
        Assert.Equal(0UL, o.Final("efer") & 0x1000);
    }

    /// <summary>Reference §3.5: KVM's svm_set_efer sets GIF when L1 clears SVME; the APM leaves GIF alone.</summary>
    [Theory]
    [InlineData("apm", 0UL, "efer.svme-clear-keeps-gif")]
    [InlineData("kvm", 1UL, "kvm.svme-clear-sets-gif")]
    [InlineData("kvm-novgif", 1UL, "kvm.svme-clear-sets-gif")]
    public void ClearingSvme_AtGifZero_LeavesOrSetsGif(string profile, ulong gif, string ruleId)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.clgi();
        Snippets.ClearSvme(a);
        a.hlt();
        Assert.Equal(gif, p.Run(profile).Final("gif"));
        Assert.True(Profiles.ProfileRegistry.TryGet(profile, out var prof));
        Assert.Contains(prof.Rules, r => r.Id == ruleId);
    }

    /// <summary>With vGIF KVM arms the STGI intercept for the NMI window; without it STGI always exits. Both deliver after STGI.</summary>
    [Theory]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void SelfNmi_AtGifZero_IsHeldByGifSetUntilStgi(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var next = p.Label();
        a.clgi();
        Snippets.SendSelf(a, deliveryMode: 4);
        a.nop();
        a.stgi();
        p.At(ref next);
        a.nop();
        a.hlt();
        var nmi = p.Run(profile).Single(EventId.Nmi);
        Assert.Equal(Disposition.DeliveredAfterPending, nmi.Disposition);
        Assert.Equal("kvm.gif-set-holds-nmi", nmi.Rule.Id);
        Assert.Equal(p.Address(next), nmi.DeliveredBefore);
    }
}
