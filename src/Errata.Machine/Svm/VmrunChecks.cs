using Errata.Machine.Rules;

namespace Errata.Machine.Svm;

/// <summary>
/// VMRUN's consistency checks on the VMCB it is given (APM Vol. 2 15.5.1, "Canonicalization and
/// Consistency Checks"; EVENTINJ from 15.20): a VMCB failing one is not entered, VMRUN ends in
/// #VMEXIT(VMEXIT_INVALID). Each check is a rule, so a profile can be asked without it.
/// </summary>
internal static class VmrunChecks
{
    /// <summary>EFER bits this processor defines (APM Vol. 2 3.1.7): SCE, LME, LMA, NXE, SVME, LMSLE, FFXSR, TCE; the rest MBZ.</summary>
    public const ulong EferDefined = 0x1 | 0x100 | 0xFC00;

    /// <summary>CR4 bits this processor defines (APM Vol. 2 3.1.3): 12:0, FSGSBASE, PCIDE, OSXSAVE, SMEP, SMAP, PKE, CET; the rest MBZ.</summary>
    public const ulong Cr4Defined = 0x1FFF | 0x70000 | 0xF00000;

    /// <summary>Long-mode CR3 bits 63:52 are reserved, MBZ (APM Vol. 2 3.1.2); the processor implements 52 physical-address bits.</summary>
    public const ulong Cr3Reserved = 0xFFF0_0000_0000_0000;

    private const ulong Cr0Cd = 1UL << 30, Cr0Nw = 1UL << 29, Cr0Pg = 1UL << 31, Cr0Pe = 1;
    private const ulong EferLme = 0x100, EferLma = 0x400, Cr4Pae = 0x20;

    /// <summary>The exception vectors of APM Vol. 2 Table 8-1; 2 is NMI, 9, 15, 20, 22-27 and 31 are reserved.</summary>
    private const uint ExceptionVectors = 0x702F_7DFB;

    private static readonly VmrunCheck[] Checks =
    [
        new(Decision.VmrunInterceptRequired, "VMRUN intercept clear in the VMCB", v => !v.Intercepts(Intercept.Vmrun)),
        new(Decision.VmrunAsidZero, "ASID 0 in the VMCB", v => v.Asid == 0),
        new(Decision.VmrunIllegalEfer, "illegal guest EFER (SVME clear or an MBZ bit set)",
            v => (v.Efer & Core.Cpu.EferSvme) == 0 || (v.Efer & ~EferDefined) != 0),
        new(Decision.VmrunIllegalCr0, "illegal guest CR0 (CD=0 with NW=1, or bits 63:32 set)",
            v => ((v.Cr0 & Cr0Cd) == 0 && (v.Cr0 & Cr0Nw) != 0) || (v.Cr0 >> 32) != 0),
        new(Decision.VmrunIllegalCr3, "illegal guest CR3 (an MBZ bit set)", v => (v.Cr3 & Cr3Reserved) != 0),
        new(Decision.VmrunIllegalCr4, "illegal guest CR4 (an MBZ bit set)", v => (v.Cr4 & ~Cr4Defined) != 0),
        new(Decision.VmrunIllegalDebugRegisters, "illegal guest DR6 or DR7 (bits 63:32 set)",
            v => (v.Dr6 >> 32) != 0 || (v.Dr7 >> 32) != 0),
        new(Decision.VmrunIllegalLongMode, "illegal long-mode state (EFER.LME and CR0.PG with CR4.PAE=0, CR0.PE=0, or CS.L and CS.D both set)",
            IllegalLongMode),
        new(Decision.VmrunIllegalEventInj, "illegal EVENTINJ (a reserved type, or type exception with a vector that is no exception)",
            v => IllegalEventInj(v.EventInj)),
    ];

    /// <summary>The first check the VMCB fails among those the profile's rules apply, or null.</summary>
    public static VmrunFailure? FirstFailure(Vmcb v, RuleSet rules)
    {
        foreach (var check in Checks)
        {
            if (!check.Illegal(v)) continue;
            var ruling = rules.Decide(check.Decision);
            if (ruling.Delivers) return new VmrunFailure(check.What, ruling.Rule);
        }
        return null;
    }

    /// <summary>
    /// Whether a VMCB that passed the checks describes 64-bit mode (EFER.LMA and CS.L): the only
    /// mode the machine executes, so any other guest is refused rather than run wrongly.
    /// </summary>
    public static bool Describes64BitMode(Vmcb v) =>
        (v.Efer & EferLma) != 0 && (v.CsAttrib & SegmentAttributes.L) != 0;

    private static bool IllegalLongMode(Vmcb v)
    {
        if ((v.Efer & EferLme) == 0 || (v.Cr0 & Cr0Pg) == 0) return false;
        return (v.Cr4 & Cr4Pae) == 0 || (v.Cr0 & Cr0Pe) == 0
            || ((v.CsAttrib & SegmentAttributes.L) != 0 && (v.CsAttrib & SegmentAttributes.DB) != 0);
    }

    private static bool IllegalEventInj(ulong e)
    {
        if ((e & EventInj.Valid) == 0) return false;
        return EventInj.Type(e) switch
        {
            EventInj.TypeIntr or EventInj.TypeNmi or EventInj.TypeSoftware => false,
            EventInj.TypeException => EventInj.Vector(e) >= 32 || (ExceptionVectors & (1u << EventInj.Vector(e))) == 0,
            _ => true,
        };
    }

    private sealed record VmrunCheck(Decision Decision, string What, Func<Vmcb, bool> Illegal);
}

/// <summary>A VMRUN consistency check that failed: what was illegal and the rule that checked it.</summary>
internal readonly record struct VmrunFailure(string What, Rule Rule);
