using Errata.Machine.Core;
using Errata.Machine.Rules;
using Errata.Machine.Svm;
using Iced.Intel;

namespace Errata.Machine.Execution.Handlers;

/// <summary>
/// CLGI, STGI, VMRUN, VMLOAD, VMSAVE, VMMCALL. Checks in the order of APM 15.4 and Table 15-7:
/// #UD without EFER.SVME, #GP at CPL>0, then the intercept, then the effect.
/// </summary>
internal static class SvmHandlers
{
    public static ExecResult Clgi(Cpu c, ref Instruction i) => SetGif(c, ref i, false);
    public static ExecResult Stgi(Cpu c, ref Instruction i) => SetGif(c, ref i, true);

    private static ExecResult SetGif(Cpu c, ref Instruction i, bool value)
    {
        var name = value ? "stgi" : "clgi";
        if (Checks(c, name, skinitAllows: value) is { } fault) return fault;
        var intercept = value ? Intercept.Stgi : Intercept.Clgi;
        if (c.Svm.Intercepts(intercept)) return c.Svm.InterceptInstruction(intercept.ExitCode, 0, name, i.NextIP);
        // With vGIF in the running VMCB only V_GIF changes; the physical GIF stays 1 (15.33.2).
        if (c.Svm.GuestMode && c.Svm.Active!.VGifEnabled && c.Rules.Decide(Decision.VgifMasksVirtualInterrupts).Delivers)
        {
            var v = c.Svm.Active;
            v.IntCtl = value ? v.IntCtl | IntCtlBits.VGif : v.IntCtl & ~IntCtlBits.VGif;
        }
        else c.Gif = value;
        return ExecResult.Next;
    }

    public static ExecResult Vmrun(Cpu c, ref Instruction i)
    {
        if (Checks(c, "vmrun") is { } fault) return fault;
        if (c.Svm.Intercepts(Intercept.Vmrun)) return c.Svm.InterceptInstruction(ExitCodes.Vmrun, 0, "vmrun", i.NextIP);
        var vmcb = c.Rax;
        if ((vmcb & 0xFFF) != 0 || !c.Memory.Contains(vmcb, VmcbLayout.Size))
            return c.RaiseFault(13, $"VMCB address 0x{vmcb:x} not a 4 KiB page of memory", c.Rules.Decide(Decision.Fault).Rule, 0);
        c.Svm.RunFromSoftware(vmcb, i.IP, i.NextIP);
        return ExecResult.Jump;
    }

    /// <summary>VMLOAD/VMSAVE move FS, GS, TR, LDTR and the syscall MSRs, none of which the machine models.</summary>
    public static ExecResult Vmload(Cpu c, ref Instruction i) => LoadSave(c, ref i, Intercept.Vmload, "vmload");
    public static ExecResult Vmsave(Cpu c, ref Instruction i) => LoadSave(c, ref i, Intercept.Vmsave, "vmsave");

    private static ExecResult LoadSave(Cpu c, ref Instruction i, Intercept intercept, string name)
    {
        if (Checks(c, name) is { } fault) return fault;
        if (c.Svm.Intercepts(intercept)) return c.Svm.InterceptInstruction(intercept.ExitCode, 0, name, i.NextIP);
        return ExecResult.Next;
    }

    /// <summary>VMMCALL exits when intercepted; otherwise it is #UD.</summary>
    public static ExecResult Vmmcall(Cpu c, ref Instruction i)
    {
        if ((c.Efer & Cpu.EferSvme) == 0) return Undefined(c, "vmmcall");
        if (c.Svm.Intercepts(Intercept.Vmmcall)) return c.Svm.InterceptInstruction(ExitCodes.Vmmcall, 0, "vmmcall", i.NextIP);
        return c.RaiseFault(6, "vmmcall not intercepted", c.Rules.Decide(Decision.Fault).Rule);
    }

    /// <summary>#UD without EFER.SVME (STGI, <paramref name="skinitAllows"/>, also runs when CPUID reports SKINIT), then #GP at CPL>0.</summary>
    private static ExecResult? Checks(Cpu c, string name, bool skinitAllows = false)
    {
        if ((c.Efer & Cpu.EferSvme) == 0
            && !(skinitAllows && c.Skinit && c.Rules.Decide(Decision.StgiWithSkinit).Delivers))
            return Undefined(c, name);
        if (c.Cpl != 0) return SystemHandlers.Privileged(c, name);
        return null;
    }

    private static ExecResult Undefined(Cpu c, string name) =>
        c.RaiseFault(6, $"{name} with EFER.SVME=0", c.Rules.Decide(Decision.SvmNeedsSvme).Rule);
}
