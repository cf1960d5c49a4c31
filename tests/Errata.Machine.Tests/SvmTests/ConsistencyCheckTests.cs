using Errata.Machine.Events;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>
/// VMRUN's consistency checks (APM 15.5.1, EVENTINJ 15.20): an illegal VMCB ends VMRUN in
/// #VMEXIT(VMEXIT_INVALID) without running a guest instruction; a legal neighbour enters.
/// </summary>
public sealed class ConsistencyCheckTests
{
    private const ulong VmcbAddress = 0x460000;

    /// <summary>One illegal field each, with the processor rule that rejects it.</summary>
    public static TheoryData<string, string, ulong, string> Illegal()
    {
        var data = new TheoryData<string, string, ulong, string>();
        (string Key, ulong Value, string Rule)[] cases =
        [
            ("intercept_vmrun", 0, "svm.vmrun-intercept-required"),
            ("asid", 0, "svm.vmrun-asid-zero-invalid"),
            ("efer", 0x500, "svm.vmrun-efer-checked"),                  // SVME clear
            ("efer", 0x1500 | (1UL << 9), "svm.vmrun-efer-checked"),     // bit 9 is MBZ
            ("efer", 0x1500 | (1UL << 40), "svm.vmrun-efer-checked"),
            ("cr0", 0xA0000031, "svm.vmrun-cr0-checked"),               // NW=1 with CD=0
            ("cr0", 0x1_80000031, "svm.vmrun-cr0-checked"),             // bit 32
            ("cr3", 0x0010_0000_0000_1000, "svm.vmrun-cr3-checked"),    // bit 52
            ("cr4", 0x20 | (1UL << 13), "svm.vmrun-cr4-checked"),       // VMXE is reserved on AMD
            ("cr4", 0x20 | (1UL << 32), "svm.vmrun-cr4-checked"),
            ("dr6", 0x1_FFFF0FF0, "svm.vmrun-dr6-dr7-checked"),
            ("dr7", 0x1_00000400, "svm.vmrun-dr6-dr7-checked"),
            ("cr4", 0, "svm.vmrun-long-mode-checked"),                  // LME and PG without PAE
            ("cr0", 0x80000030, "svm.vmrun-long-mode-checked"),         // LME and PG without PE
            ("cs_attrib", 0x29B | 0x400, "svm.vmrun-long-mode-checked"), // CS.L with CS.D
            ("eventinj", 0x8000_0100 | 0x30, "svm.vmrun-eventinj-checked"), // type 1 is reserved
            ("eventinj", 0x8000_0500 | 0x30, "svm.vmrun-eventinj-checked"), // type 5 is reserved
            ("eventinj", 0x8000_0302, "svm.vmrun-eventinj-checked"),    // exception type with vector 2 (NMI)
            ("eventinj", 0x8000_030F, "svm.vmrun-eventinj-checked"),    // vector 15 is reserved
            ("eventinj", 0x8000_0340, "svm.vmrun-eventinj-checked"),    // 0x40 is no exception
        ];
        foreach (var profile in new[] { "apm", "kvm", "kvm-novgif" })
            foreach (var (key, value, rule) in cases)
                data.Add(profile, key, value, profile == "apm" ? rule : "kvm.nested-vmcb-checks");
        return data;
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Vmrun_WithAnIllegalVmcb_ExitsInvalidWithoutEnteringTheGuest(string profile, string key, ulong value, string rule)
    {
        var (p, after) = Program();
        p.Vmcb[key] = value;
        var o = p.Run(profile);
        var exit = o.Single(EventId.VmExit(-1));
        Assert.Equal(Disposition.Delivered, exit.Disposition);
        Assert.Equal(rule, exit.Rule.Id);
        Assert.Equal(p.Address(after), exit.DeliveredBefore);
        Assert.DoesNotContain(o.Events, e => e.InGuest);
        Assert.Empty(o.Of(EventId.VmExit(0x81)));
        Assert.Equal(ulong.MaxValue, o.Final.TryReadQword(VmcbAddress + 0x70));
        Assert.Equal(0UL, o.Final("gif"));
    }

    /// <summary>Values next to the illegal ones that the checks allow: the guest runs to its VMMCALL.</summary>
    [Theory]
    [InlineData("efer", 0x1D01UL)]              // SCE and NXE are defined
    [InlineData("cr0", 0xE0000031UL)]           // CD=1 with NW=1 is legal
    [InlineData("cr3", 0x000F_FFFF_FFFF_F000UL)] // bits 51:12
    [InlineData("cr4", 0x20UL | (1UL << 16) | (1UL << 20))]
    [InlineData("dr6", 0xFFFF4FF1UL)]
    [InlineData("eventinj", 0x8000_0303UL)]     // #BP, an exception
    [InlineData("eventinj", 0x8000_0450UL)]     // software interrupt type
    [InlineData("eventinj", 0x0000_0100UL)]     // a reserved type without V is not looked at
    public void Vmrun_WithALegalVmcb_EntersTheGuest(string key, ulong value) => AssertEnters(key, value);

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void PreparedVmcb_IsA64BitGuestWithAsidOne(string profile)
    {
        var (p, _) = Program();
        var o = p.Run(profile);
        Assert.Single(o.Of(EventId.VmExit(0x81)));
        Assert.Equal(1UL, o.Final.TryReadQword(VmcbAddress + 0x58) & 0xFFFF_FFFF);
        // CS: selector 0x08, attributes 0x29B (type execute/read accessed, S, P, L); SS: 0x10, 0x093.
        Assert.Equal(0x029B_0008UL, o.Final.TryReadQword(VmcbAddress + 0x410) & 0xFFFF_FFFF);
        Assert.Equal(0x0093_0010UL, o.Final.TryReadQword(VmcbAddress + 0x420) & 0xFFFF_FFFF);
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void AsidKey_SetsTheGuestAsid(string profile)
    {
        var (p, _) = Program();
        p.Vmcb["asid"] = 7;
        var o = p.Run(profile);
        Assert.Single(o.Of(EventId.VmExit(0x81)));
        Assert.Equal(7UL, o.Final.TryReadQword(VmcbAddress + 0x58) & 0xFFFF_FFFF);
    }

    /// <summary>A legal VMCB for compatibility mode (CS.L=0) is refused: the machine executes only 64-bit code.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Vmrun_OfALegalGuestOutside64BitMode_StopsTheRun(string profile)
    {
        var (p, _) = Program();
        p.Vmcb["cs_attrib"] = 0x49B; // D=1, L=0: 32-bit compatibility-mode code
        var o = p.Run(profile);
        Assert.Equal(RunEnd.Stopped, o.End);
        Assert.Contains("64-bit", o.StopReason);
        Assert.Empty(o.Of(EventId.VmExit(-1)));
        Assert.DoesNotContain(o.Events, e => e.InGuest);
    }

    private static void AssertEnters(string key, ulong value)
    {
        foreach (var profile in new[] { "apm", "kvm", "kvm-novgif" })
        {
            var (p, _) = Program();
            p.Vmcb[key] = value;
            var o = p.Run(profile);
            Assert.Empty(o.Of(EventId.VmExit(-1)));
            Assert.True(o.Of(EventId.VmExit(0x81)).Count() == 1, $"{profile} {key}={value:x}: {o.Describe()}");
        }
    }

    private static (TestProgram Program, Iced.Intel.Label After) Program()
    {
        var p = new TestProgram();
        Iced.Intel.Label guest = p.Label(), after = p.Label();
        p.Asm.vmrun();
        p.At(ref after);
        p.Asm.hlt();
        p.At(ref guest);
        p.Asm.vmmcall();
        p.Guest(guest);
        return (p, after);
    }
}
