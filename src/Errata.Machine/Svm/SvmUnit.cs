using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Rules;

namespace Errata.Machine.Svm;

/// <summary>
/// The processor's SVM hardware: guest mode, the VMCB it runs, VMRUN's world switch into
/// the guest and #VMEXIT's switch back (APM Vol. 2 15.5, 15.6). Whoever ran the VMCB
/// gets control at #VMEXIT: host code in memory, or the platform's L0.
/// </summary>
internal sealed class SvmUnit(Cpu cpu)
{
    public bool GuestMode;
    public Vmcb? Active;

    /// <summary>The event record an exception #VMEXIT carries to its handler (bookkeeping, not architectural).</summary>
    public int ExitRecord = -1;

    /// <summary>The record of a V_IRQ held in a software-owned VMCB, until it is taken.</summary>
    public int VirqRecord = -1;

    private HostState _host;

    /// <summary>The host's RFLAGS.IF saved by VMRUN: with V_INTR_MASKING it masks physical interrupts in the guest.</summary>
    public bool HostInterruptsEnabled => (_host.Rflags & FlagBits.IF) != 0;

    public bool Intercepts(Intercept i) => GuestMode && Active!.Intercepts(i);

    public bool InterceptsException(int vector) => GuestMode && Active!.InterceptsException(vector);

    /// <summary>An intercepted instruction: #VMEXIT with the instruction's RIP saved and nRIP after it (15.7, 15.9).</summary>
    public Execution.ExecResult InterceptInstruction(int exitCode, ulong info1, string what, ulong nextRip)
    {
        RestoreResumeFlag();
        Exit(exitCode, info1, 0, $"{what} intercepted", cpu.Rules.Decide(Decision.InstructionIntercept).Rule, nextRip);
        return Execution.ExecResult.Jump;
    }

    /// <summary>
    /// An IN or OUT whose ports the IOPM marks: #VMEXIT(IOIO) before it executes, EXITINFO1
    /// describing the access and EXITINFO2 the next RIP (15.10.2).
    /// </summary>
    public Execution.ExecResult InterceptIo(ushort port, int size, bool input, string what, ulong nextRip)
    {
        var info = IoioExitInfo.Make(port, size, input);
        RestoreResumeFlag();
        Exit(ExitCodes.Ioio, info, nextRip, $"{what} 0x{port:x} intercepted", cpu.Rules.Decide(Decision.IoIntercept).Rule, nextRip);
        return Execution.ExecResult.Jump;
    }

    /// <summary>The intercepted instruction did not execute: RF goes back to what it was when it began.</summary>
    private void RestoreResumeFlag()
    {
        if (cpu.RfClearedAt == cpu.Instructions && cpu.RfClearedRip == cpu.Rip && cpu.Rules.Decide(Decision.InterceptSavesRf).Delivers)
            cpu.Rflags |= FlagBits.RF;
    }

    /// <summary>Whether the running VMCB intercepts an access of <paramref name="size"/> bytes at <paramref name="port"/>.</summary>
    public bool InterceptsIo(ushort port, int size) =>
        Intercepts(Intercept.Ioio) && Active!.Iopm is { } map && map.Intercepts(port, size);

    /// <summary>VMRUN executed by code in memory, after its #UD, #GP and intercept checks.</summary>
    public void RunFromSoftware(ulong vmcbAddress, ulong vmrunRip, ulong nextRip)
    {
        _host = new HostState(nextRip, vmrunRip, cpu.Rsp, cpu.Rax, cpu.Rflags, cpu.Cr0, cpu.Cr3, cpu.Cr4, cpu.Efer,
            cpu.Cpl, cpu.Debug.Dr7, cpu.Debug.Dr6);
        var vmcb = VmcbLayout.Read(cpu.Memory, vmcbAddress);
        // Host TF on VMRUN traps after the #VMEXIT, not after VMRUN (15.5.1).
        cpu.TrapArmed = false;
        if (VmrunChecks.FirstFailure(vmcb, cpu.Rules) is { } failure)
        {
            FailConsistencyCheck(vmcb, failure, vmrunRip, nextRip);
            return;
        }
        if (RefusesOutside64BitMode(vmcb, vmrunRip)) return;
        Enter(vmcb);
    }

    /// <summary>
    /// A VMCB that fails VMRUN's consistency checks: #VMEXIT(VMEXIT_INVALID) without loading the
    /// guest; only EXITCODE is written and the host goes on after VMRUN at GIF=0 (15.5.1).
    /// </summary>
    private void FailConsistencyCheck(Vmcb vmcb, VmrunFailure failure, ulong vmrunRip, ulong nextRip)
    {
        var rule = failure.Rule;
        cpu.Memory.TryWrite(vmcb.Address!.Value + VmcbLayout.ExitCode, 8, ulong.MaxValue);
        if (cpu.Rules.Decide(Decision.VmexitClearsGif).Delivers) cpu.Gif = false;
        var record = cpu.Raise(EventId.VmExit(ExitCodes.Invalid), failure.What, vmrunRip, rule);
        cpu.Rip = nextRip;
        cpu.Log.Deliver(record, rule, nextRip, cpu.Snapshot());
        if ((_host.Rflags & FlagBits.TF) != 0) cpu.ArmSingleStep();
    }

    /// <summary>Ends the run at a guest the machine cannot execute (not in 64-bit mode); true when it did.</summary>
    public bool RefusesOutside64BitMode(Vmcb vmcb, ulong vmrunRip)
    {
        if (VmrunChecks.Describes64BitMode(vmcb)) return false;
        cpu.End(RunEnd.Stopped, "the guest's VMCB describes a mode other than 64-bit mode (EFER.LMA and CS.L); the machine executes only 64-bit code", vmrunRip);
        return true;
    }

    /// <summary>The world switch into a guest: load its state, set GIF, deliver EVENTINJ.</summary>
    public void Enter(Vmcb v)
    {
        cpu.Rip = v.Rip;
        cpu.Rsp = v.Rsp;
        cpu.Rax = v.Rax;
        cpu.Rflags = (v.Rflags & FlagBits.Writable) | FlagBits.Fixed1;
        cpu.ForgetStartingRf();
        cpu.Cr0 = v.Cr0;
        cpu.Cr2 = v.Cr2;
        cpu.Cr3 = v.Cr3;
        cpu.Cr4 = v.Cr4;
        cpu.Efer = v.Efer;
        cpu.Cpl = v.Cpl;
        cpu.Debug.WriteDr7(v.Dr7);
        cpu.Debug.WriteDr6(v.Dr6);
        Active = v;
        GuestMode = true;
        if (cpu.Rules.Decide(Decision.VmrunSetsGif).Delivers) cpu.Gif = true;
        if ((v.IntState & 1) != 0) cpu.OpenShadow(ShadowKind.Sti);
        cpu.RefreshPending();
        if ((v.EventInj & EventInj.Valid) != 0) cpu.DeliverInjected(v);
    }

    /// <summary>
    /// #VMEXIT: save the guest into its VMCB, clear GIF, and hand control to the VMCB's owner.
    /// A software host gets its state back with DR7's breakpoints disabled (15.6) and sees the exit as an event.
    /// </summary>
    public void Exit(int code, ulong info1, ulong info2, string cause, Rule rule, ulong nextRip = 0)
    {
        var v = Active!;
        var guestRip = cpu.Rip;
        v.Rip = cpu.Rip;
        v.Rsp = cpu.Rsp;
        v.Rax = cpu.Rax;
        v.Rflags = cpu.Rflags;
        v.Cr0 = cpu.Cr0;
        v.Cr2 = cpu.Cr2;
        v.Cr3 = cpu.Cr3;
        v.Cr4 = cpu.Cr4;
        v.Efer = cpu.Efer;
        v.Cpl = (byte)cpu.Cpl;
        v.Dr6 = cpu.Debug.Dr6;
        v.Dr7 = cpu.Debug.Dr7;
        v.IntState = cpu.InShadow(ShadowKind.Sti) || cpu.InShadow(ShadowKind.MovSs) ? 1u : 0u;
        v.ExitCode = (ulong)(long)code;
        v.ExitInfo1 = info1;
        v.ExitInfo2 = info2;
        v.NextRip = nextRip;
        GuestMode = false;
        Active = null;
        if (cpu.Rules.Decide(Decision.VmexitClearsGif).Delivers) cpu.Gif = false;
        cpu.TrapArmed = false;

        if (v.Owner == VmcbOwner.Platform)
        {
            cpu.Platform.OnVmExit(v);
            return;
        }

        VmcbLayout.Write(cpu.Memory, v.Address!.Value, v);
        var record = cpu.Raise(EventId.VmExit(code), cause, guestRip, rule);
        var h = _host;
        cpu.Rip = h.Rip;
        cpu.Rsp = h.Rsp;
        cpu.Rax = h.Rax;
        cpu.Rflags = h.Rflags & ~FlagBits.RF;
        cpu.ForgetStartingRf();
        cpu.Cr0 = h.Cr0;
        cpu.Cr3 = h.Cr3;
        cpu.Cr4 = h.Cr4;
        cpu.Efer = h.Efer;
        cpu.Cpl = h.Cpl;
        cpu.Debug.WriteDr7(cpu.Rules.Decide(Decision.VmexitDisablesHostBreakpoints).Delivers ? h.Dr7 & ~DebugBits.Dr7Enables : h.Dr7);
        if (!cpu.Rules.Decide(Decision.VmexitKeepsDr6).Delivers) cpu.Debug.WriteDr6(h.Dr6);
        cpu.RefreshPending();
        cpu.Log.Deliver(record, rule, cpu.Rip, cpu.Snapshot());
        if ((h.Rflags & FlagBits.TF) != 0 && cpu.Rules.Decide(Decision.VmrunTrapAfterVmexit).Delivers)
        {
            // The trap belongs to VMRUN, whatever guest instruction caused the exit.
            cpu.Debug.TrapRip = h.VmrunRip;
            cpu.ArmSingleStep();
        }
    }

    private readonly record struct HostState(
        ulong Rip, ulong VmrunRip, ulong Rsp, ulong Rax, ulong Rflags, ulong Cr0, ulong Cr3, ulong Cr4, ulong Efer,
        int Cpl, ulong Dr7, ulong Dr6);
}
