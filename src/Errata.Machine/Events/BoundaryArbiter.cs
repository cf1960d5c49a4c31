using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Events;

/// <summary>
/// Decides, at an instruction boundary, what happens to each pending event, in the
/// architectural priority order (APM Vol. 2 8.5, Table 8-8), with GIF gating from
/// Table 15-10 asked of the profile's rules. Returns true when it delivered something
/// (or switched worlds), so the loop looks again before executing.
/// </summary>
internal static class BoundaryArbiter
{
    public static bool AtBoundary(Cpu c, bool halted)
    {
        var p = c.Pending;

        // Priority 1: machine check (RESET is not modelled: nothing raises it).
        if ((p & PendingEvents.MachineCheck) != 0 && MachineCheck(c)) return true;

        // Priority 2, the task-switch trap, cannot occur: long mode has no task switches.
        // Priority 3: external SMI, then INIT; a profile's rule may take the previous instruction's traps first.
        if ((p & PendingEvents.DebugTrap) != 0 && (p & (PendingEvents.Smi | PendingEvents.Init)) != 0
            && c.Rules.Decide(Decision.DebugTrapsBeforeSmiInit).Delivers && DebugTraps(c)) return true;
        if ((p & PendingEvents.Smi) != 0 && Smi(c)) return true;
        if ((p & PendingEvents.Init) != 0 && Init(c)) return true;

        // Priority 4: traps of the previous instruction (data and I/O breakpoints, single-step), one #DB.
        if ((p & PendingEvents.DebugTrap) != 0 && DebugTraps(c)) return true;

        // Priority 5: NMI.
        if ((p & PendingEvents.Nmi) != 0 && Nmi(c)) return true;

        // Priority 6: maskable interrupts, then the guest's virtual interrupt (V_IRQ, APM 15.21.4).
        if ((p & PendingEvents.Intr) != 0 && Intr(c)) return true;
        if ((p & PendingEvents.VirtualIntr) != 0 && VirtualIntr(c)) return true;

        // The platform's pending work reaches L0 the way an external interrupt would.
        if ((p & PendingEvents.PlatformRequest) != 0)
        {
            c.ClearPending(PendingEvents.PlatformRequest);
            if (c.Platform.OnRequest()) return true;
        }

        // Priority 7: an instruction breakpoint on the next instruction (a fault).
        return !halted && (p & PendingEvents.CodeBreakpoints) != 0 && CodeBreakpoint(c);
    }

    /// <summary>The GIF column of Table 15-10 for a gated event: null when GIF=1 lets it through.</summary>
    private static Ruling? GifGate(Cpu c, Decision atGif0) => c.Gif ? null : c.Rules.Decide(atGif0);

    private static Rule Normal(Cpu c) => c.Rules.Decide(Decision.Gif1Normal).Rule;

    /// <summary>Applies a hold or discard ruling to a latched event; true when the event may go on.</summary>
    private static bool Admit(Cpu c, ref int record, Ruling? ruling, PendingEvents bit)
    {
        if (ruling is not { } v || v.Fate == Fate.Deliver) return true;
        if (v.Fate == Fate.Hold)
        {
            c.Log.Hold(record, v.Rule);
            return false;
        }
        c.Log.Discard(record, v.Rule);
        record = -1;
        c.ClearPending(bit);
        return false;
    }

    private static bool Hold(Cpu c, int record, Decision why)
    {
        c.Log.Hold(record, c.Rules.Decide(why).Rule);
        return false;
    }

    private static bool MachineCheck(Cpu c)
    {
        var ruling = GifGate(c, Decision.Gif0MachineCheck);
        if (ruling is { Fate: Fate.Discard } d)
        {
            // Table 15-10: a machine check the implementation cannot hold shuts the processor down.
            c.Log.Discard(c.Held.MachineCheck, d.Rule);
            c.End(RunEnd.Shutdown, "machine check at GIF=0", c.Rip);
            return true;
        }
        if (!Admit(c, ref c.Held.MachineCheck, ruling, PendingEvents.MachineCheck)) return false;
        var record = c.Held.MachineCheck;
        c.Held.MachineCheck = -1;
        c.ClearPending(PendingEvents.MachineCheck);
        c.DeliverException(Cpu.VectorMc, null, c.Rip, record, ruling?.Rule ?? Normal(c), c.Rip);
        return true;
    }

    private static bool Smi(Cpu c)
    {
        if (!Admit(c, ref c.Held.Smi, GifGate(c, Decision.Gif0ExternalSmi), PendingEvents.Smi))
        {
            if (c.Held.Smi >= 0 && c.InSmm) c.Log.AlsoHeld(c.Held.Smi, c.Rules.Decide(Decision.SmmBlocksSmi).Rule);
            return false;
        }
        if (c.InSmm) return Hold(c, c.Held.Smi, Decision.SmmBlocksSmi);
        if (c.Svm.Intercepts(Intercept.Smi)) return InterceptExit(c, Intercept.Smi, c.Held.Smi);
        var record = c.Held.Smi;
        c.Held.Smi = -1;
        c.ClearPending(PendingEvents.Smi);
        c.EnterSmm(c.Rip, record, Normal(c));
        return true;
    }

    private static bool Init(Cpu c)
    {
        var gate = GifGate(c, Decision.Gif0Init);
        if (!Admit(c, ref c.Held.Init, gate, PendingEvents.Init)) return false;
        if (c.Svm.Intercepts(Intercept.Init)) return InterceptExit(c, Intercept.Init, c.Held.Init);
        var record = c.Held.Init;
        c.Held.Init = -1;
        c.ClearPending(PendingEvents.Init);
        // An INIT a rule lets through at GIF=0 names that rule: it is why the reset happened now.
        c.Log.Deliver(record, gate?.Rule ?? c.Rules.Decide(Decision.InitResets).Rule, c.Rip, c.Snapshot());
        c.End(RunEnd.Reset, "INIT delivered", c.Rip);
        return true;
    }

    private static bool DebugTraps(Cpu c)
    {
        // A MOV SS shadow holds the traps for one more instruction; they merge with its own. The rules
        // say whether it holds a data match too.
        if (c.InShadow(ShadowKind.MovSs)
            && (c.Debug.PendingDataMatches == 0 || !c.Rules.Decide(Decision.DataTrapIgnoresMovSsShadow).Delivers)) return false;
        var trapRip = c.Debug.TrapRip ?? c.LastRip;
        if (!TakeTraps(c, trapRip, out var matches, out var step, out var gifRule)) return false;

        // An instruction's matches are all data or all I/O: IN and OUT touch no memory.
        var matchDecision = (matches & c.Debug.IoMask) != 0 ? Decision.IoBreakpoint : Decision.DataBreakpoint;
        var rule = gifRule ?? c.Rules.Decide(matches != 0 ? matchDecision
            : trapRip != c.LastRip ? Decision.VmrunTrapAfterVmexit : Decision.SingleStep).Rule;
        var cause = DescribeTraps(c, matches, step);
        // An I/O match's #DB reports its own matches only (QEMU's helper_bpt_io too).
        c.Debug.Report((matches & c.Debug.IoMask) != 0 ? matches : WithExecuteAddressMatches(c, matches), step ? DebugBits.Dr6BS : 0);
        var record = c.Raise(EventId.DebugException, cause, trapRip, rule);
        c.DeliverException(Cpu.VectorDb, null, c.Rip, record, rule, c.Rip);
        return true;
    }

    /// <summary>
    /// Takes the pending trap conditions (data and I/O matches, single-step) with GIF gating of
    /// Table 15-10 applied; false when none is left to report. Also used by ICEBP, which reports
    /// traps a MOV SS shadow held in its own #DB.
    /// </summary>
    public static bool TakeTraps(Cpu c, ulong trapRip, out int matches, out bool step, out Rule? gifRule)
    {
        matches = c.Debug.PendingDataMatches;
        step = c.Debug.PendingSingleStep;
        c.Debug.PendingDataMatches = 0;
        c.Debug.PendingSingleStep = false;
        c.ClearPending(PendingEvents.DebugTrap);
        c.Debug.TrapRip = null;
        gifRule = null;

        if (matches != 0 && GifGate(c, Decision.Gif0BreakpointMatch) is { } m)
        {
            if (m.Delivers) gifRule = m.Rule;
            else
            {
                DiscardMatch(c, matches, DescribeDataMatches(c, matches), trapRip, m.Rule);
                matches = 0;
            }
        }
        if (step && GifGate(c, Decision.Gif0SingleStep) is { } s)
        {
            if (s.Delivers) gifRule = s.Rule;
            else
            {
                var discarded = c.Raise(EventId.DebugException, "single-step", trapRip, s.Rule);
                c.Log.Discard(discarded, s.Rule);
                step = false;
            }
        }
        return matches != 0 || step;
    }

    /// <summary>The trap conditions a #DB reports, for its cause: "dr1 write match, single-step".</summary>
    public static string DescribeTraps(Cpu c, int matches, bool step) =>
        (matches != 0 ? DescribeDataMatches(c, matches) : "") + (matches != 0 && step ? ", " : "") + (step ? "single-step" : "");

    private static bool Nmi(Cpu c)
    {
        var admitted = Admit(c, ref c.Held.Nmi, GifGate(c, Decision.Gif0Nmi), PendingEvents.Nmi);
        // Every condition that blocks the NMI is a reason it waits; the record lists them all.
        var blockers = NmiBlockers(c).ToArray();
        if (admitted && blockers.Length > 0) Hold(c, c.Held.Nmi, blockers[0]);
        if (c.Held.Nmi >= 0 && (!admitted || blockers.Length > 0))
            foreach (var b in blockers) c.Log.AlsoHeld(c.Held.Nmi, c.Rules.Decide(b).Rule);
        if (!admitted || blockers.Length > 0) return false;
        if (c.Svm.Intercepts(Intercept.Nmi)) return InterceptExit(c, Intercept.Nmi, c.Held.Nmi);
        var record = c.Held.Nmi;
        c.Held.Nmi = -1;
        c.ClearPending(PendingEvents.Nmi);
        c.DeliverVector(Cpu.VectorNmi, null, c.Rip, record, Normal(c));
        return true;
    }

    private static IEnumerable<Decision> NmiBlockers(Cpu c)
    {
        if (c.InShadow(ShadowKind.MovSs)) yield return Decision.MovSsShadow;
        if (c.InSmm) yield return Decision.SmmBlocksSmi;
        if (c.NmiBlocked) yield return Decision.NmiBlockedUntilIret;
    }

    private static bool Intr(Cpu c)
    {
        var vector = c.Held.HighestIntr();
        var record = c.Held.IntrRecord(vector);
        var ruling = GifGate(c, Decision.Gif0Intr);
        var admitted = Admit(c, ref record, ruling, PendingEvents.None);
        if (record < 0)
        {
            RemoveIntr(c, vector);
            return false;
        }
        // Every condition that masks the interrupt is a reason it waits; the record lists them all.
        var blockers = IntrBlockers(c).ToArray();
        if (admitted && blockers.Length > 0) Hold(c, record, blockers[0]);
        foreach (var b in blockers) c.Log.AlsoHeld(record, c.Rules.Decide(b).Rule);
        if (!admitted || blockers.Length > 0) return false;
        if (c.Svm.Intercepts(Intercept.Intr)) return InterceptExit(c, Intercept.Intr, record);
        RemoveIntr(c, vector);
        c.DeliverVector(vector, null, c.Rip, record, Normal(c));
        return true;
    }

    private static IEnumerable<Decision> IntrBlockers(Cpu c)
    {
        if (c.InShadow(ShadowKind.MovSs)) yield return Decision.MovSsShadow;
        if (c.InShadow(ShadowKind.Sti)) yield return Decision.StiShadow;
        // With V_INTR_MASKING the host's IF masks physical interrupts while a guest runs (15.21.1).
        var masked = c.Svm.GuestMode && (c.Svm.Active!.IntCtl & IntCtlBits.VIntrMasking) != 0
            ? !c.Svm.HostInterruptsEnabled
            : !c.Flag(FlagBits.IF);
        if (masked) yield return Decision.IfMasksIntr;
    }

    private static void RemoveIntr(Cpu c, int vector)
    {
        c.Held.RemoveIntr(vector);
        if (!c.Held.AnyIntr) c.ClearPending(PendingEvents.Intr);
    }

    private static bool VirtualIntr(Cpu c)
    {
        var v = c.Svm.Active;
        if (v is null || (v.IntCtl & IntCtlBits.VIrq) == 0)
        {
            c.ClearPending(PendingEvents.VirtualIntr);
            return false;
        }
        // KVM's own interrupt window is a dummy V_IRQ with VINTR intercepted; any other V_IRQ is the guest's.
        var visible = v.Owner == VmcbOwner.Software || !v.Intercepts(Intercept.VIntr);
        if (!c.Gif || (v.VGifEnabled && !v.VGif))
        {
            var hold = c.Rules.Decide(Decision.Gif0VirtualIntr);
            if (hold.Fate == Fate.Hold)
            {
                if (visible) HoldVirq(c, v, hold.Rule);
                return false;
            }
        }
        if (!c.Flag(FlagBits.IF) || c.InShadow(ShadowKind.Sti) || c.InShadow(ShadowKind.MovSs))
        {
            if (visible) HoldVirq(c, v, c.Rules.Decide(Decision.IfMasksIntr).Rule);
            return false;
        }
        if (!IntCtlBits.VirqAboveTpr(v.IntCtl) && c.Rules.Decide(Decision.VirqPriority) is { Fate: Fate.Hold } prio)
        {
            if (visible) HoldVirq(c, v, prio.Rule);
            return false;
        }
        if (v.Intercepts(Intercept.VIntr))
        {
            var rule = c.Rules.Decide(Decision.VirtualInterrupt).Rule;
            c.Svm.Exit(ExitCodes.VIntr, 0, 0, "virtual interrupt (V_IRQ) with VINTR intercepted", rule);
            return true;
        }
        var vector = (int)(v.IntVector & 0xFF);
        v.IntCtl &= ~IntCtlBits.VIrq;
        c.ClearPending(PendingEvents.VirtualIntr);
        var taken = c.Rules.Decide(Decision.VirtualInterrupt).Rule;
        var record = c.Svm.VirqRecord >= 0 ? c.Svm.VirqRecord : c.Raise(EventId.Intr(vector), "V_IRQ", c.Rip, taken);
        c.Svm.VirqRecord = -1;
        c.DeliverVector(vector, null, c.Rip, record, taken);
        return true;
    }

    private static void HoldVirq(Cpu c, Vmcb v, Rule rule)
    {
        if (c.Svm.VirqRecord < 0)
            c.Svm.VirqRecord = c.Raise(EventId.Intr((int)(v.IntVector & 0xFF)), "V_IRQ", c.Rip, rule);
        c.Log.Hold(c.Svm.VirqRecord, rule);
    }

    private static bool CodeBreakpoint(Cpu c)
    {
        if (MachineLayout.IsFirmware(c.Rip)) return false;
        // One look per boundary: a discarded match must not be raised again when the loop looks twice.
        if (c.BreakpointCheckedAt == c.Instructions && c.BreakpointCheckedRip == c.Rip) return false;
        c.BreakpointCheckedAt = c.Instructions;
        c.BreakpointCheckedRip = c.Rip;
        var matches = c.Debug.MatchExecute(c.Rip);
        if (matches == 0) return false;
        if (c.Flag(FlagBits.RF) && c.Rules.Decide(Decision.RfSuppressesBreakpoint).Fate == Fate.Discard) return false;
        var cause = DescribeMatches(matches, "execute");
        Rule rule;
        if (GifGate(c, Decision.Gif0BreakpointMatch) is { } g)
        {
            if (!g.Delivers)
            {
                DiscardMatch(c, matches, cause, c.Rip, g.Rule);
                return false;
            }
            rule = g.Rule;
        }
        else rule = c.Rules.Decide(Decision.InstructionBreakpoint).Rule;
        // A breakpoint's debug exception clears every hit mark first (QEMU's cpu_handle_debug_exception).
        c.Debug.WatchpointHits = 0;
        c.Debug.Report(WithExecuteAddressMatches(c, matches), 0);
        var record = c.Raise(EventId.DebugException, cause, c.Rip, rule);
        c.DeliverException(Cpu.VectorDb, null, c.Rip, record, rule, c.Rip, FrameRf.Cleared);
        return true;
    }

    /// <summary>
    /// B0-B3 of a breakpoint or single-step #DB: its matches, the hit marks that persist (none on the
    /// processor), plus, where the rules say so (QEMU's check_hw_breakpoints), every execute-type
    /// register holding the RIP the #DB reports.
    /// </summary>
    private static int WithExecuteAddressMatches(Cpu c, int matches) =>
        (c.Rules.Decide(Decision.Dr6ExecuteAddressMatches).Delivers ? matches | c.Debug.ExecuteTypeAt(c.Rip) : matches) | c.Debug.WatchpointHits;

    private static void DiscardMatch(Cpu c, int matches, string cause, ulong rip, Rule rule)
    {
        var record = c.Raise(EventId.DebugException, cause, rip, rule);
        c.Log.Discard(record, rule);
        if (c.Rules.Decide(Decision.Gif0DiscardedMatchDr6).Delivers) c.Debug.Report(matches, 0);
    }

    private static bool InterceptExit(Cpu c, Intercept intercept, int record)
    {
        var rule = c.Rules.Decide(Decision.InterruptIntercept).Rule;
        c.Svm.Exit(intercept.ExitCode, 0, 0, $"{c.Log[record].Id.Name} intercepted", rule);
        return true;
    }

    private static string DescribeDataMatches(Cpu c, int matches)
    {
        var parts = new List<string>();
        for (var n = 0; n < 4; n++)
            if ((matches & (1 << n)) != 0)
                parts.Add($"dr{n} {DebugBits.Type(c.Debug.Dr7, n) switch { 1 => "write", 2 => "I/O", _ => "access" }} match");
        return string.Join(", ", parts);
    }

    internal static string DescribeMatches(int matches, string kind)
    {
        var parts = new List<string>();
        for (var n = 0; n < 4; n++) if ((matches & (1 << n)) != 0) parts.Add($"dr{n} {kind} match");
        return string.Join(", ", parts);
    }
}
