using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Rules;
using Errata.Machine.Svm;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>
/// MOV to and from CR0/CR2/CR3/CR4/CR8 and DR0-DR7, RDMSR and WRMSR (EFER, the x2APIC ICR).
/// Checks run in the architectural order: #UD, #GP, #DB (general detect), intercept, effect.
/// </summary>
internal static class SystemHandlers
{
    public const uint MsrEfer = 0xC0000080;

    public static ExecResult Privileged(Cpu c, string what) =>
        c.RaiseFault(13, $"{what} at CPL {c.Cpl}", c.Rules.Decide(Decision.PrivilegedInstruction).Rule, 0);

    private static ExecResult GeneralProtection(Cpu c, string why) =>
        c.RaiseFault(13, why, c.Rules.Decide(Decision.Fault).Rule, 0);

    private static ExecResult InvalidOpcode(Cpu c, string why) =>
        c.RaiseFault(6, why, c.Rules.Decide(Decision.Fault).Rule);

    public static ExecResult MovFromCr(Cpu c, ref Instruction i)
    {
        var n = i.Op1Register - Register.CR0;
        if (c.Cpl != 0) return Privileged(c, "mov from cr" + n);
        if (c.Svm.GuestMode && (c.Svm.Active!.CrIntercepts & (1u << n)) != 0)
            return c.Svm.InterceptInstruction(n, 0, "mov from cr" + n, i.NextIP);
        c.WriteGpr(i.Op0Register, n switch { 0 => c.Cr0, 2 => c.Cr2, 3 => c.Cr3, 4 => c.Cr4, _ => c.Cr8 });
        return ExecResult.Next;
    }

    public static ExecResult MovToCr(Cpu c, ref Instruction i)
    {
        var n = i.Op0Register - Register.CR0;
        if (c.Cpl != 0) return Privileged(c, "mov to cr" + n);
        var v = c.ReadGpr(i.Op1Register);
        if (c.Svm.GuestMode && (c.Svm.Active!.CrIntercepts & (1u << (16 + n))) != 0)
            return c.Svm.InterceptInstruction(0x10 + n, 0, "mov to cr" + n, i.NextIP);
        switch (n)
        {
            case 0: c.Cr0 = v; break;
            case 2: c.Cr2 = v; break;
            case 3: c.Cr3 = v; break;
            case 4: c.Cr4 = v; break;
            default:
                if (v > 15) return GeneralProtection(c, "reserved bits in CR8");
                c.Cr8 = v;
                break;
        }
        return ExecResult.Next;
    }

    public static ExecResult MovFromDr(Cpu c, ref Instruction i)
    {
        var n = i.Op1Register - Register.DR0;
        if (Check(c, ref i, n, write: false) is { } stop) return stop;
        var d = c.Debug;
        c.WriteGpr(i.Op0Register, Alias(n) switch
        {
            < 4 and var k => d.Address[k],
            6 => d.Dr6,
            _ => d.Dr7,
        });
        return ExecResult.Next;
    }

    public static ExecResult MovToDr(Cpu c, ref Instruction i)
    {
        var n = i.Op0Register - Register.DR0;
        if (Check(c, ref i, n, write: true) is { } stop) return stop;
        var v = c.ReadGpr(i.Op1Register);
        var k = Alias(n);
        if (k >= 6 && v >> 32 != 0) return GeneralProtection(c, $"bits 63:32 set in a write to dr{k}");
        switch (k)
        {
            case < 4: c.Debug.WriteAddress(k, v); break;
            case 6: c.Debug.WriteDr6(v); break;
            default:
                c.Debug.WriteDr7(v);
                c.RefreshPending();
                break;
        }
        return ExecResult.Next;
    }

    /// <summary>DR4/DR5 alias DR6/DR7 when CR4.DE=0.</summary>
    private static int Alias(int n) => n is 4 or 5 ? n + 2 : n;

    private static ExecResult? Check(Cpu c, ref Instruction i, int n, bool write)
    {
        var what = (write ? "mov to dr" : "mov from dr") + n;
        if (c.Cpl != 0) return Privileged(c, what);
        if (n is 4 or 5 && (c.Cr4 & Cpu.Cr4De) != 0) return InvalidOpcode(c, $"dr{n} with CR4.DE=1");
        if ((c.Debug.Dr7 & DebugBits.Dr7GD) != 0 && GeneralDetect(c, what) is { } fault) return fault;
        var bit = 1u << (n + (write ? 16 : 0));
        if (c.Svm.GuestMode && (c.Svm.Active!.DrIntercepts & bit) != 0)
            return c.Svm.InterceptInstruction((write ? ExitCodes.WriteDr0 : ExitCodes.ReadDr0) + n, 0, what, i.NextIP);
        return null;
    }

    /// <summary>DR7.GD: the MOV DR faults with #DB, DR6.BD set and DR7.GD cleared.</summary>
    private static ExecResult? GeneralDetect(Cpu c, string what)
    {
        // A processor without general detect never faults; one with it asks Table 15-10's GIF column too.
        var ruling = c.Rules.Decide(Decision.GeneralDetect);
        if (ruling.Delivers && !c.Gif) ruling = c.Rules.Decide(Decision.Gif0GeneralDetect);
        if (!ruling.Delivers) return null;
        c.Debug.Report(0, DebugBits.Dr6BD);
        c.Debug.WriteDr7(c.Debug.Dr7 & ~DebugBits.Dr7GD);
        c.RefreshPending();
        return c.RaiseFault(Cpu.VectorDb, $"general detect ({what})", ruling.Rule);
    }

    public static ExecResult Rdmsr(Cpu c, ref Instruction i)
    {
        if (c.Cpl != 0) return Privileged(c, "rdmsr");
        var msr = (uint)c.Gpr[1];
        if (c.Svm.Intercepts(Intercept.Msr)) return c.Svm.InterceptInstruction(ExitCodes.Msr, 0, "rdmsr", i.NextIP);
        ulong v;
        switch (msr)
        {
            case MsrEfer: v = c.Efer; break;
            case Apic.LocalApic.X2ApicIcrMsr: v = 0; break;
            default: return GeneralProtection(c, $"rdmsr of unmodelled MSR 0x{msr:x}");
        }
        c.Gpr[0] = (uint)v;
        c.Gpr[2] = v >> 32;
        return ExecResult.Next;
    }

    public static ExecResult Wrmsr(Cpu c, ref Instruction i)
    {
        if (c.Cpl != 0) return Privileged(c, "wrmsr");
        var msr = (uint)c.Gpr[1];
        var v = ((c.Gpr[2] & 0xFFFF_FFFF) << 32) | (c.Gpr[0] & 0xFFFF_FFFF);
        if (c.Svm.Intercepts(Intercept.Msr)) return c.Svm.InterceptInstruction(ExitCodes.Msr, 1, "wrmsr", i.NextIP);
        switch (msr)
        {
            case MsrEfer: WriteEfer(c, v); break;
            case Apic.LocalApic.X2ApicIcrMsr:
                if (c.Rules.Decide(Decision.X2ApicIcrSends).Delivers) c.Platform.Apic.WriteX2Icr(v);
                break;
            case Apic.LocalApic.X2ApicEoiMsr: break;
            default: return GeneralProtection(c, $"wrmsr to unmodelled MSR 0x{msr:x}");
        }
        return ExecResult.Next;
    }

    /// <summary>EFER: SVME, NXE and SCE are writable; the processor stays in long mode.</summary>
    public static void WriteEfer(Cpu c, ulong v)
    {
        var clearsSvme = (c.Efer & Cpu.EferSvme) != 0 && (v & Cpu.EferSvme) == 0;
        c.Efer = (v & (Cpu.EferSvme | 0x800 | 0x1)) | 0x500;
        if (clearsSvme && c.Rules.Decide(Decision.SvmeClearGif).Delivers) c.Gif = true;
    }
}
