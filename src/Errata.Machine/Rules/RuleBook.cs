using static Errata.Machine.Rules.Decision;
using static Errata.Machine.Rules.Fate;

namespace Errata.Machine.Rules;

/// <summary>
/// The registry: every rule the machine knows, with its decision, fate and source.
/// <see cref="Processor"/> is the AMD64 processor of the APM; <see cref="Kvm"/> is what
/// kvm_amd as L0 adds when the scenario's code is its L1 guest; <see cref="QemuTcg"/> is where
/// QEMU 7.2's TCG processor departs from the APM's.
/// </summary>
internal static class RuleBook
{
    private const string Table1510 = "APM Vol. 2 15.17, Table 15-10";
    private const string Priorities = "APM Vol. 2 8.5, Table 8-8";
    private const string DebugFacility = "APM Vol. 2 13.1";
    // Where the APM is silent the profile states a position; docs/guide/profiles.md lists them.
    private const string Policy = "policy: Errata's position where the APM is silent";

    private static RuleBinding R(Decision d, Fate f, string id, string statement, string source) =>
        new(d, f, new Rule(id, statement, source));

    public static readonly IReadOnlyList<RuleBinding> Processor =
    [
        R(Gif1Normal, Deliver, "gif1.normal-operation", "At GIF=1 every interrupt source of Table 15-10 operates normally.", Table1510),
        R(Gif0BreakpointMatch, Discard, "gif0.discard-breakpoint-match", "At GIF=0 a #DB due to a DR0-DR3 match (instruction, data or I/O breakpoint) is ignored and discarded, not held.", Table1510),
        R(Gif0DiscardedMatchDr6, Discard, "gif0.discarded-match-leaves-dr6", "A breakpoint match discarded at GIF=0 sets no B0-B3 bit in DR6.", Policy),
        R(Gif0SingleStep, Deliver, "gif0.deliver-single-step", "At GIF=0 a single-step trap (RFLAGS.TF) is delivered normally; merged with a discarded match it reports BS and no Bn.", Table1510),
        R(Gif0GeneralDetect, Deliver, "gif0.deliver-general-detect", "General-detect faults (DR7.GD) are not breakpoint matches and are delivered at GIF=0.", Policy),
        R(Gif0Nmi, Hold, "gif0.hold-nmi", "At GIF=0 an NMI is held pending until GIF=1.", Table1510),
        R(Gif0Intr, Hold, "gif0.hold-intr", "At GIF=0 a maskable interrupt (INTR) is held pending until GIF=1.", Table1510),
        R(Gif0VirtualIntr, Hold, "gif0.hold-vintr", "At GIF=0 (or V_GIF=0 with vGIF) a virtual interrupt (V_IRQ) is held pending.", Table1510 + "; 15.33.2"),
        R(Gif0ExternalSmi, Hold, "gif0.hold-smi", "At GIF=0 an external SMI is held pending until GIF=1.", Table1510),
        R(Gif0Init, Hold, "gif0.hold-init", "At GIF=0 an INIT is held pending until GIF=1.", Table1510),
        R(Gif0MachineCheck, Hold, "gif0.hold-machine-check", "At GIF=0 a machine check is held pending until GIF=1 (the implementation can hold it).", Policy + "; " + Table1510),
        R(SvmeClearGif, Discard, "efer.svme-clear-keeps-gif", "Clearing EFER.SVME does not change GIF.", Policy),

        R(InstructionBreakpoint, Deliver, "db.instruction-breakpoint-fault", "An enabled DR0-DR3 execute match raises #DB as a fault before the instruction runs; DR6.Bn reports the match.", DebugFacility),
        R(RfSuppressesBreakpoint, Discard, "db.rf-suppresses-instruction-breakpoint", "RFLAGS.RF=1 suppresses instruction breakpoints for one instruction; RF clears when an instruction completes.", DebugFacility),
        R(DataBreakpoint, Deliver, "db.data-breakpoint-trap", "An enabled data match raises #DB as a trap after the access completes; B0-B3 are set and cleared per #DB.", DebugFacility),
        R(IoBreakpoint, Deliver, "db.io-breakpoint-trap", "With CR4.DE=1 an enabled I/O breakpoint (R/W=10) over the ports of an IN or OUT raises #DB as a trap after it, merged with single-step; DR6.Bn reports the match. With CR4.DE=0 R/W=10 is undefined and matches nothing here.", DebugFacility),
        R(SingleStep, Deliver, "db.single-step-trap", "RFLAGS.TF at the start of an instruction raises a #DB trap after it, setting the sticky DR6.BS.", DebugFacility),
        R(GeneralDetect, Deliver, "db.general-detect-fault", "With DR7.GD=1 a MOV to or from a debug register faults with #DB, sets DR6.BD and clears DR7.GD.", DebugFacility),
        R(Icebp, Deliver, "db.icebp-trap", "ICEBP (F1) raises #DB as a trap without a DPL check and sets no DR6 bit.", DebugFacility),
        R(IcebpMergesHeldTraps, Deliver, "db.icebp-merges-held-traps", "A data-breakpoint or single-step trap a MOV SS shadow held goes out with the #DB of the ICEBP that follows: one handler entry, DR6 reporting the held trap's Bn or BS.", "kvm-unit-tests x86/debug.c (MOV SS + watchpoint + ICEBP, Single-Step + ICEBP w/ MOVSS); " + Priorities),
        R(Dr6ExecuteAddressMatches, Discard, "db.dr6-reports-enabled-matches", "A #DB sets B0-B3 for the enabled breakpoint conditions it reports and clears the others.", DebugFacility),
        R(BreakpointRangeAligned, Deliver, "db.range-aligned-to-len", "A data or I/O breakpoint covers LEN bytes aligned to LEN: the low bits of an unaligned DRn address are ignored.", DebugFacility),
        R(DataBreakpointReportsEveryMatch, Deliver, "db.data-reports-every-match", "An access that matches several data breakpoints sets the B bit of each in the #DB it raises.", DebugFacility),
        R(IoBreakpointWithoutDe, Discard, "db.io-breakpoint-needs-cr4-de", "R/W=10 is an I/O breakpoint only with CR4.DE=1; with CR4.DE=0 it is undefined and the machine matches no port against it.", DebugFacility + "; " + Policy),
        R(UnalignedAccessInPieces, Discard, "db.data-match-on-accessed-bytes", "A data access matches a data breakpoint only when the bytes it reads or writes overlap the breakpoint's range, aligned or not.", DebugFacility),
        R(RfKeptThroughException, Discard, "db.rf-cleared-as-the-instruction-runs", "RF=1 lasts for the one instruction it starts with: that instruction's INT3 or INT n pushes RF=0 and a HLT halts with RF=0 (a fault it raises pushes RF=1: exception.fault-sets-rf).", DebugFacility + "; " + Policy),
        R(FaultSetsRf, Deliver, "exception.fault-sets-rf", "A fault-class exception (#DE, #UD, #GP, #PF, a general-detect #DB ...) sets RFLAGS.RF as it is delivered, so its frame holds RF=1 and the handler's IRETQ restarts the instruction without its instruction breakpoint firing again; an instruction breakpoint's #DB clears RF in its frame; traps (INT3, INT n, single-step and data #DB), interrupts, NMIs, aborts and EVENTINJ push RF as it stands.", "APM Vol. 2 3.1.6; Intel SDM Vol. 3 17.3.1.1; " + Policy + " (general detect: RF set, as both manuals word it)"),
        R(WatchpointHitsPersist, Discard, "db.matches-reported-once", "A data breakpoint's match is reported in the DR6 of the #DB it raises, not in a later one.", DebugFacility),
        R(Int3, Deliver, "bp.int3-trap", "INT3 raises #BP as a trap; the pushed RIP is the next instruction.", "APM Vol. 3 INT3"),
        R(IntN, Deliver, "intn.software-interrupt", "INT n is a software interrupt through IDT vector n, with a DPL check, not GIF-gated.", "APM Vol. 3 INT n"),
        R(MovSsShadow, Hold, "shadow.mov-ss-defers-traps", "After MOV SS, interrupts and single-step/data-breakpoint traps wait one more instruction.", Priorities),
        R(MovSsDropsSingleStep, Discard, "shadow.mov-ss-keeps-its-single-step", "MOV SS run with TF keeps its single-step trap: the shadow holds it to the next boundary, where it merges with the next instruction's traps.", Priorities),
        R(DataTrapIgnoresMovSsShadow, Discard, "shadow.mov-ss-holds-its-data-match", "A data breakpoint that MOV SS hits (its read of the selector) is held by the shadow with its other traps and reported after the next instruction.", Priorities),
        R(StiShadow, Hold, "shadow.sti-blocks-intr", "After an STI that sets IF, maskable interrupts wait one instruction; #DB is not blocked.", "APM Vol. 3 STI"),
        R(StiSingleStep, Deliver, "shadow.sti-keeps-its-single-step", "STI run with TF raises its single-step trap after it, as any instruction does, whether it sets IF or finds it set: its shadow holds maskable interrupts, not #DB.", "APM Vol. 3 STI; " + DebugFacility),
        R(IfMasksIntr, Hold, "intr.if-masks", "RFLAGS.IF=0 holds maskable interrupts pending.", "APM Vol. 2 8.1.4"),
        R(NmiBlockedUntilIret, Hold, "nmi.blocked-until-iret", "After an NMI is taken, further NMIs are held until the next IRET.", "APM Vol. 2 8.2.16"),
        R(SmmBlocksSmi, Hold, "smm.blocks-smi-nmi", "An SMI enters SMM: the state goes to the state-save area at SMBASE+FE00h, not to the stack, and NMIs are blocked. In SMM further SMIs are held until RSM, and NMIs until RSM or an IRET.", "APM Vol. 2 10.3"),
        R(Fault, Deliver, "exception.fault", "A fault is delivered through the IDT with the faulting instruction's RIP; exceptions are not GIF-gated.", "APM Vol. 2 8.2"),
        R(PrivilegedInstruction, Deliver, "cpl.privileged-gp", "Privileged instructions at CPL>0 raise #GP(0).", "APM Vol. 3 (instruction reference)"),
        R(IoPrivilege, Deliver, "io.cpl-above-iopl-gp", "IN and OUT at CPL > IOPL raise #GP(0); the TSS I/O-permission bitmap that could allow the port is not modelled.", "APM Vol. 1 3.8.3"),
        R(SvmNeedsSvme, Deliver, "svm.instructions-need-svme", "VMRUN, VMLOAD, VMSAVE, CLGI, STGI and VMMCALL raise #UD when EFER.SVME=0.", "APM Vol. 2 15.4"),
        R(StgiWithSkinit, Deliver, "svm.stgi-allowed-with-skinit", "STGI, like SKINIT, runs with EFER.SVME=0 when CPUID Fn8000_0001_ECX[SKINIT]=1 (reported on apm, not by KVM).", "APM Vol. 2 15.4"),
        R(UnmappedAccess, Deliver, "pf.unmapped", "An access outside the scenario's identity map raises #PF with CR2 = the address.", "APM Vol. 2 8.2.15"),
        R(DoubleFault, Deliver, "exception.double-fault", "A fault while delivering an exception becomes #DF.", "APM Vol. 2 8.2.9"),
        R(TripleFault, Deliver, "exception.triple-fault-shutdown", "A fault while delivering #DF shuts the processor down.", "APM Vol. 2 8.2.9"),
        R(InitResets, Deliver, "init.resets", "A delivered INIT resets the processor.", "APM Vol. 2 14.1"),

        R(VmrunSetsGif, Deliver, "svm.vmrun-sets-gif", "VMRUN loads the guest and sets GIF=1.", "APM Vol. 2 15.5.1"),
        R(VmexitClearsGif, Deliver, "svm.vmexit-clears-gif", "#VMEXIT clears GIF.", "APM Vol. 2 15.6"),
        R(VmexitDisablesHostBreakpoints, Deliver, "svm.vmexit-disables-host-breakpoints", "#VMEXIT reloads the host's DR7 with every breakpoint disabled (L0-L3 and G0-G3 clear).", "APM Vol. 2 15.6"),
        R(VmexitKeepsDr6, Deliver, "svm.vmexit-keeps-dr6", "#VMEXIT does not reload DR6: the host finds the DR6 the guest left (DR6 is not among the host state #VMEXIT loads).", "APM Vol. 2 15.6"),
        R(X2ApicIcrSends, Deliver, "apic.x2apic-icr-sends", "WRMSR to the x2APIC ICR (MSR 0x830) sends the interprocessor interrupt it describes, a self-IPI for the scenario's one processor.", "APM Vol. 2 16.11"),
        R(VmrunTrapAfterVmexit, Deliver, "svm.vmrun-tf-trap-after-vmexit", "Host RFLAGS.TF on VMRUN raises a #DB trap after the #VMEXIT, at GIF=0, at the instruction after VMRUN.", "APM Vol. 2 15.5.1"),
        R(IoIntercept, Deliver, "svm.ioio-intercept", "With IOIO_PROT intercepted, an IN or OUT whose ports have a bit set in the I/O permissions map causes #VMEXIT(IOIO) before it executes, after its privilege checks: it raises no I/O-breakpoint trap.", "APM Vol. 2 15.10"),
        R(InstructionIntercept, Deliver, "svm.instruction-intercept", "An intercepted instruction in the guest causes #VMEXIT after its #UD/#GP checks.", "APM Vol. 2 15.9"),
        R(Int3InterceptedAsException, Deliver, "svm.int3-intercepted-as-bp", "A guest's INT3 is intercepted as the #BP it raises, through bit 3 of the exception bitmap (#VMEXIT 0x43); the INTn intercept is not checked for it.", "APM Vol. 2 15.12"),
        R(ExceptionIntercept, Deliver, "svm.exception-intercept", "An exception whose bit is set in the exception intercept bitmap causes #VMEXIT (0x40+vector) instead of delivery.", "APM Vol. 2 15.12"),
        R(InterruptIntercept, Deliver, "svm.interrupt-intercept", "An intercepted INTR, NMI, SMI or INIT causes #VMEXIT when it would be taken; the event stays pending.", "APM Vol. 2 15.13"),
        R(EventInjection, Deliver, "svm.eventinj", "VMRUN delivers the event in EVENTINJ through the guest IDT before the first guest instruction.", "APM Vol. 2 15.20"),
        R(VirtualInterrupt, Deliver, "svm.virtual-interrupt", "V_IRQ is taken in the guest when the guest's IF=1 (and V_GIF=1 with vGIF), or causes #VMEXIT(VINTR) when intercepted.", "APM Vol. 2 15.21.4"),
        R(VirqPriority, Hold, "svm.virq-priority-above-v-tpr", "A pending V_IRQ is taken (or causes #VMEXIT(VINTR)) only when V_IGN_TPR is set or V_INTR_PRIO is above V_TPR; otherwise it stays pending.", "APM Vol. 2 15.21.4"),
        R(VgifMasksVirtualInterrupts, Deliver, "vgif.clgi-stgi-set-v-gif", "With V_GIF_ENABLE, CLGI and STGI in the guest change V_GIF only; the physical GIF stays 1 and breakpoint #DBs are not dropped.", "APM Vol. 2 15.33.2"),
        R(VmrunInterceptRequired, Deliver, "svm.vmrun-intercept-required", "VMRUN with the VMRUN intercept clear in the VMCB fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunAsidZero, Deliver, "svm.vmrun-asid-zero-invalid", "VMRUN with guest ASID 0 (the host's) fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunIllegalEfer, Deliver, "svm.vmrun-efer-checked", "VMRUN with guest EFER.SVME clear or an MBZ bit of EFER set fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunIllegalCr0, Deliver, "svm.vmrun-cr0-checked", "VMRUN with guest CR0.CD=0 and CR0.NW=1, or CR0 bits 63:32 set, fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunIllegalCr3, Deliver, "svm.vmrun-cr3-checked", "VMRUN with an MBZ bit of guest CR3 set (63:52) fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunIllegalCr4, Deliver, "svm.vmrun-cr4-checked", "VMRUN with an MBZ bit of guest CR4 set fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunIllegalDebugRegisters, Deliver, "svm.vmrun-dr6-dr7-checked", "VMRUN with guest DR6 or DR7 bits 63:32 set fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.5.1"),
        R(VmrunIllegalLongMode, Deliver, "svm.vmrun-long-mode-checked", "VMRUN with guest EFER.LME and CR0.PG set fails with #VMEXIT(VMEXIT_INVALID) when CR4.PAE=0, CR0.PE=0, or CS.L and CS.D are both set.", "APM Vol. 2 15.5.1"),
        R(InterceptSavesRf, Deliver, "svm.intercept-saves-rf", "An intercepted instruction has not executed: its #VMEXIT saves RFLAGS as the instruction began, RF included (RF clears only when an instruction completes).", "APM Vol. 2 15.7; " + Policy),
        R(RsmOutsideSmm, Deliver, "smm.rsm-outside-ud", "RSM outside SMM raises #UD; in SMM it reloads the state-save area (with what the handler wrote there) and leaves SMM, and NMIs stay blocked only if they were blocked when SMM was entered.", "APM Vol. 3 RSM; APM Vol. 2 10.3; " + Policy),
        R(VmrunIllegalEventInj, Deliver, "svm.vmrun-eventinj-checked", "VMRUN with a valid EVENTINJ of a reserved type, or of type exception with a vector that is no exception (2 is NMI), fails with #VMEXIT(VMEXIT_INVALID).", "APM Vol. 2 15.20; 15.5.1"),
    ];

    // QEMU sources cannot be checked against a local tree: they name QEMU 7.2's files (the version
    // Debian 12 ships), read in QEMU's repository at that tag.
    private const string Qemu = "QEMU 7.2 ";

    public static readonly IReadOnlyList<RuleBinding> QemuTcg =
    [
        R(Gif0BreakpointMatch, Deliver, "qemu.breakpoint-db-not-gif-gated", "QEMU's TCG raises a DR0-DR3 match's #DB (instruction, data or I/O breakpoint) without looking at GIF: at GIF=0 it is delivered, DR6.Bn set.", Qemu + "target/i386/tcg/sysemu/bpt_helper.c: breakpoint_handler, check_hw_breakpoints, helper_bpt_io"),
        R(Gif0Init, Deliver, "qemu.init-not-gif-gated", "QEMU's TCG takes INIT before, and without, the GIF test: an INIT at GIF=0 resets the processor at once.", Qemu + "accel/tcg/cpu-exec.c: cpu_handle_interrupt"),
        R(Gif0Nmi, Hold, "qemu.gif-holds-nmi", "QEMU's TCG considers an NMI only while GIF (HF2_GIF_MASK) is set: at GIF=0 it stays pending.", Qemu + "target/i386/cpu.c: x86_cpu_pending_interrupt"),
        R(Gif0Intr, Hold, "qemu.gif-holds-intr", "QEMU's TCG considers a maskable interrupt only while GIF is set: at GIF=0 it stays pending.", Qemu + "target/i386/cpu.c: x86_cpu_pending_interrupt"),
        R(Gif0ExternalSmi, Hold, "qemu.gif-holds-smi", "QEMU's TCG considers an SMI only while GIF is set: at GIF=0 it stays pending.", Qemu + "target/i386/cpu.c: x86_cpu_pending_interrupt"),
        R(Gif0MachineCheck, Hold, "qemu.gif-holds-machine-check", "QEMU's TCG considers a machine check (CPU_INTERRUPT_MCE) only while GIF is set: at GIF=0 it stays pending.", Qemu + "target/i386/cpu.c: x86_cpu_pending_interrupt"),
        R(Dr6ExecuteAddressMatches, Deliver, "qemu.dr6-from-check-hw-breakpoints", "QEMU rebuilds B0-B3 for an instruction-breakpoint, data-breakpoint or single-step #DB with check_hw_breakpoints: besides the data matches, Bn is set for every execute-type DRn (enabled or not) that holds the RIP the #DB reports, which for a trap is the next instruction's.", Qemu + "target/i386/tcg/sysemu/bpt_helper.c: check_hw_breakpoints, breakpoint_handler; target/i386/tcg/bpt_helper.c: helper_single_step"),
        R(VmexitDisablesHostBreakpoints, Discard, "qemu.vmexit-restores-host-dr7", "QEMU 7.2's #VMEXIT reloads the host's DR7 as VMRUN saved it, its breakpoints still enabled (later QEMU clears the enables).", Qemu + "target/i386/tcg/sysemu/svm_helper.c: do_vmexit"),
        R(VmexitKeepsDr6, Discard, "qemu.vmexit-restores-host-dr6", "QEMU 7.2's VMRUN saves the host's DR6 in the host save area and its #VMEXIT loads it back: the host does not see the DR6 the guest left.", Qemu + "target/i386/tcg/sysemu/svm_helper.c: helper_vmrun, do_vmexit"),
        R(X2ApicIcrSends, Discard, "qemu.no-x2apic", "QEMU 7.2's TCG has no x2APIC MSRs: WRMSR to the x2APIC ICR falls to helper_wrmsr's unknown-MSR case, which ignores it, so no IPI is sent.", Qemu + "target/i386/tcg/sysemu/misc_helper.c: helper_wrmsr"),
        R(BreakpointRangeAligned, Discard, "qemu.breakpoint-range-as-written", "QEMU watches LEN bytes from DRn as written: an unaligned data or I/O breakpoint address is not rounded down, so it covers other bytes than on the processor.", Qemu + "target/i386/tcg/sysemu/bpt_helper.c: hw_breakpoint_insert, helper_bpt_io; softmmu/watchpoint.c: cpu_watchpoint_insert"),
        R(DataBreakpointReportsEveryMatch, Discard, "qemu.watchpoint-first-hit-only", "QEMU stops at the first watchpoint an instruction's access hits, in DR0-DR3 order (the order DR7's update inserts them): its #DB reports that data breakpoint alone, however many the access matches.", Qemu + "softmmu/watchpoint.c: cpu_check_watchpoint; target/i386/tcg/sysemu/bpt_helper.c: cpu_x86_update_dr7, check_hw_breakpoints"),
        R(IoBreakpointWithoutDe, Deliver, "qemu.io-breakpoint-ignores-cr4-de", "QEMU matches an enabled R/W=10 breakpoint against the ports of IN and OUT whatever CR4.DE: cpu_x86_update_dr7 turns the I/O check on for any enabled R/W=10 register, and neither it nor helper_bpt_io reads CR4.DE.", Qemu + "target/i386/tcg/sysemu/bpt_helper.c: cpu_x86_update_dr7, hw_breakpoint_insert, helper_bpt_io"),
        R(UnalignedAccessInPieces, Deliver, "qemu.unaligned-access-checked-in-pieces", "On a page QEMU watches, an unaligned access is checked in other pieces than its bytes. A load is done as the two aligned loads of its size that cover it, each checked. A store is checked from the start of the page of its end to its end (store_helper_unaligned's check of the second page, which is the first when the store does not cross one), so it hits a write breakpoint anywhere below it on that page.", Qemu + "accel/tcg/cputlb.c: load_helper, store_helper, store_helper_unaligned; softmmu/watchpoint.c: cpu_check_watchpoint"),
        R(RfKeptThroughException, Deliver, "qemu.rf-kept-until-the-block-ends", "QEMU clears RF only where a translation block ends normally, and a block holds one instruction on a page with an execute breakpoint: an instruction that raises an exception (INT3, INT n, #UD, a fault) or halts leaves RF set, so its frame, and the state at HLT, hold RF=1.", Qemu + "target/i386/tcg/translate.c: do_gen_eob_worker, gen_eob; accel/tcg/cpu-exec.c: check_for_breakpoints"),
        R(FaultSetsRf, Discard, "qemu.fault-pushes-rf-as-it-stands", "QEMU 7.2 pushes RFLAGS as cpu_compute_eflags gives them for every event: a fault's frame holds RF as it stood, RF=0 unless the instruction was resumed with RF=1 (rule qemu.rf-kept-until-the-block-ends), and an instruction breakpoint's #DB does not clear it (later QEMU sets RF for faults, exception_is_fault).", Qemu + "target/i386/tcg/seg_helper.c: do_interrupt64, do_interrupt_all"),
        R(WatchpointHitsPersist, Deliver, "qemu.watchpoint-hit-marks-persist", "QEMU marks a watchpoint hit when an access's check hits it and clears the mark only when a later check on a watched page passes over it (a check walks DR0-DR3 in order and stops at its first hit), when an instruction breakpoint's debug exception clears them all, or when a DR7 write that changes more than the enables, or a new DRn address, makes new watchpoints. check_hw_breakpoints sets Bn for every marked data breakpoint, so a later single-step or data #DB reports a breakpoint its own instruction did not hit.", Qemu + "softmmu/watchpoint.c: cpu_check_watchpoint; accel/tcg/cpu-exec.c: cpu_handle_debug_exception; target/i386/tcg/sysemu/bpt_helper.c: check_hw_breakpoints, cpu_x86_update_dr7, helper_set_dr"),
        R(MovSsDropsSingleStep, Deliver, "qemu.mov-ss-takes-no-single-step", "QEMU leaves the single-step check out of a translation block that ends inhibiting interrupts, as the block MOV SS (or POP SS) ends does (f0f0136abba, \"target/i386: no single-step exception after MOV or POP SS\", which Debian's QEMU 7.2 carries): MOV SS run with TF takes no single-step trap, then or after the next instruction.", Qemu + "target/i386/tcg/translate.c: disas_insn, gen_eob_inhibit_irq, do_gen_eob_worker"),
        R(StiSingleStep, Discard, "qemu.sti-takes-no-single-step", "STI ends its translation block inhibiting interrupts too (whether IF was set or not), so the same check f0f0136abba left out is missing after it: STI run with TF takes no single-step trap; TF stays set, so the instruction after STI traps. QEMU restores STI's trap in 1e94ddc6854431064c94a7d8f2f2886def285829 (\"target/i386: do not block singlestep for STI\", in QEMU 10.0.1 and 9.2.4), which Debian's QEMU 7.2 does not carry.", Qemu + "target/i386/tcg/translate.c: disas_insn, gen_eob_inhibit_irq, do_gen_eob_worker"),
        R(DataTrapIgnoresMovSsShadow, Deliver, "qemu.watchpoint-ignores-mov-ss-shadow", "QEMU raises a data breakpoint's #DB once the instruction that hit it completes, MOV SS included: the shadow does not hold it (breakpoint_handler's FIXME says it should).", Qemu + "target/i386/tcg/sysemu/bpt_helper.c: breakpoint_handler"),
        R(Int3InterceptedAsException, Discard, "qemu.int3-checks-the-intn-intercept", "QEMU raises INT3 as a software interrupt (gen_interrupt, as INT n), which raise_interrupt2 checks against the INTn intercept (SVM_EXIT_SWINT) and not the exception bitmap: a guest's INT3 exits with code 0x75 (EXITINFO1 0) when INTn is intercepted, and otherwise takes #BP in the guest, bit 3 of the exception bitmap set or not.", Qemu + "target/i386/tcg/translate.c: disas_insn, gen_interrupt; target/i386/tcg/excp_helper.c: helper_raise_interrupt, raise_interrupt2"),
        R(VmrunTrapAfterVmexit, Discard, "qemu.vmrun-takes-no-single-step", "QEMU ends VMRUN's translation block after helper_vmrun with exit_tb, leaving out the single-step check, and its #VMEXIT restores the host's RFLAGS and resumes at the instruction after VMRUN: the host's TF on VMRUN raises no #DB after the #VMEXIT; TF stays set, so the instruction after VMRUN traps.", Qemu + "target/i386/tcg/translate.c: disas_insn; target/i386/tcg/sysemu/svm_helper.c: helper_vmrun, do_vmexit"),
        R(GeneralDetect, Discard, "qemu.no-general-detect", "QEMU 7.2 does not implement DR7.GD: a MOV to or from a debug register with GD set runs, with no #DB (observed; its helper_get_dr and helper_set_dr test no GD).", Qemu + "target/i386/tcg/sysemu/bpt_helper.c: helper_get_dr, helper_set_dr"),
        R(Icebp, Discard, "qemu.icebp-undefined", "QEMU 7.2's TCG decoder leaves ICEBP (F1) out (its case is compiled only with WANT_ICEBP): F1 raises #UD as the fault of an undefined opcode, before any ICEBP intercept, and no #DB.", Qemu + "target/i386/tcg/translate.c: disas_insn"),
    ];

    public static readonly IReadOnlyList<RuleBinding> Kvm =
    [
        R(KvmDbIntercepted, Deliver, "kvm.db-always-intercepted", "KVM intercepts #DB in every VMCB it runs (CVE-2015-8104 fix).", "arch/x86/kvm/svm/svm.c: init_vmcb"),
        R(KvmDbReinjectAtGif0, Deliver, "kvm.db-reinjected-without-gif-check", "An intercepted #DB is queued with its DR6 payload and re-injected through EVENTINJ; nothing checks GIF.", "arch/x86/kvm/svm/svm.c: db_interception"),
        R(KvmInjectEvent, Deliver, "kvm.inject-pending-event", "KVM injects a pending NMI, SMI, INIT or IRQ through EVENTINJ at the next entry once it is not blocked.", "arch/x86/kvm/x86.c: kvm_check_and_inject_events"),
        R(KvmNmiAtGif0, Hold, "kvm.gif-set-holds-nmi", "KVM holds an NMI for L1 while gif_set() is false.", "arch/x86/kvm/svm/svm.c: svm_nmi_blocked"),
        R(KvmIntrAtGif0, Hold, "kvm.gif-set-holds-intr", "KVM holds an interrupt for L1 while gif_set() is false.", "arch/x86/kvm/svm/svm.c: svm_interrupt_blocked"),
        R(KvmSmiAtGif0, Hold, "kvm.gif-set-holds-smi", "KVM holds an SMI for L1 while gif_set() is false.", "arch/x86/kvm/svm/svm.c: svm_smi_blocked"),
        R(KvmInitAtGif0, Hold, "kvm.gif-set-holds-init", "KVM holds an INIT for L1 while gif_set() is false.", "arch/x86/kvm/svm/svm.c: svm_apic_init_signal_blocked"),
        R(KvmInjectedFaultSetsRf, Deliver, "kvm.injected-fault-sets-rf", "Before injecting a pending exception that exception_type() calls a fault (every vector but #DB, #BP, #OF, #DF and #MC), KVM sets RFLAGS.RF, so the frame the handler sees has RF=1; the #DBs it queues keep RF as it was.", "arch/x86/kvm/x86.c: kvm_check_and_inject_events, exception_type"),
        R(KvmMcNotGifGated, Deliver, "kvm.mc-not-gif-gated", "An injected #MC is queued as an exception and delivered without a GIF check.", "arch/x86/kvm/x86.c: kvm_queue_exception"),
        R(KvmStgiInterceptForWindow, Deliver, "kvm.stgi-intercept-for-window", "With vGIF and GIF=0, KVM sets the STGI intercept to learn when an NMI or SMI window opens.", "arch/x86/kvm/svm/svm.c: svm_enable_nmi_window"),
        R(KvmSoftwareGif, Deliver, "kvm.novgif-software-gif", "Without vGIF KVM intercepts CLGI and STGI and keeps L1's GIF in software (svm->guest_gif).", "arch/x86/kvm/svm/svm.c: clgi_interception, stgi_interception, svm_set_gif"),
        R(KvmVgif, Deliver, "kvm.vgif-passthrough", "With vGIF KVM clears the CLGI/STGI intercepts and sets V_GIF_ENABLE; L1's GIF is V_GIF in vmcb01.", "arch/x86/kvm/svm/svm.c: init_vmcb"),
        R(KvmSvmeClearSetsGif, Deliver, "kvm.svme-clear-sets-gif", "Clearing EFER.SVME makes KVM leave nested mode and set GIF=1.", "arch/x86/kvm/svm/svm.c: svm_set_efer"),
        R(KvmClgiWithoutSvme, Deliver, "kvm.clgi-stgi-without-svme", "With vGIF, CLGI/STGI are not intercepted and hardware runs L1 with EFER.SVME forced on, so L1 gets no #UD at SVME=0.", "arch/x86/kvm/svm/svm.c: svm_set_efer"),
        R(KvmVmrunSkipSingleStep, Deliver, "kvm.vmrun-skip-single-step", "6.12 skips L1's VMRUN with kvm_skip_emulated_instruction before checking vmcb12, which queues a single-step #DB (DR6.BS) when L1's TF is set: if the checks fail (VMEXIT_INVALID) L1 takes it after VMRUN. If they pass, nested_run_pending holds it back and svm_complete_interrupts clears it after L2's first run, so no one takes it. Later trees skip VMRUN without it (a FIXME in their nested_svm_vmrun).", "arch/x86/kvm/svm/nested.c: nested_svm_vmrun, svm_check_nested_events; arch/x86/kvm/svm/svm.c: svm_complete_interrupts; arch/x86/kvm/x86.c: kvm_skip_emulated_instruction, kvm_vcpu_do_singlestep"),
        R(KvmNestedVmexit, Deliver, "kvm.nested-vmexit", "An L2 exit L1 intercepts is reflected as #VMEXIT to L1: GIF cleared, L1 DR7 set to DR7_FIXED_1.", "arch/x86/kvm/svm/nested.c: nested_svm_vmexit"),
        R(KvmNestedVmexitQueuesTfDb, Deliver, "kvm.nested-vmexit-tf-db", "If L1's RFLAGS.TF was set at VMRUN, KVM queues a #DB after the nested #VMEXIT without a DR6 payload, so DR6.BS is not set for it.", "arch/x86/kvm/svm/nested.c: nested_svm_vmexit; arch/x86/kvm/x86.c: kvm_queue_exception"),
        R(KvmIoioIntercepted, Deliver, "kvm.ioio-all-ports", "KVM intercepts IOIO with an I/O permissions map of all ones: every IN and OUT of its guest exits to KVM before it executes.", "arch/x86/kvm/svm/svm.c: svm_hardware_setup, init_vmcb"),
        R(KvmPioSkipsIoBreakpoints, Discard, "kvm.pio-ignores-io-breakpoints", "KVM completes an intercepted IN or OUT itself and never compares the port with DR0-DR3 (it checks only code breakpoints): an I/O breakpoint L1 armed raises no #DB, at GIF=0 or GIF=1.", "arch/x86/kvm/svm/svm.c: io_interception; arch/x86/kvm/x86.c: kvm_fast_pio, kvm_vcpu_check_code_breakpoint, kvm_vcpu_check_hw_bp"),
        R(KvmHypercall, Deliver, "kvm.vmmcall-hypercall", "VMMCALL from L1 is KVM's hypercall; an unknown number returns -KVM_ENOSYS in RAX.", "arch/x86/kvm/x86.c: kvm_emulate_hypercall"),
        R(KvmNestedVmcbChecks, Deliver, "kvm.nested-vmcb-checks", "L1's VMRUN of a vmcb12 that fails VMRUN's consistency checks exits to L1 with VMEXIT_INVALID without entering L2: KVM checks the intercept, ASID, EFER, CR0, CR3, CR4, DR6/DR7 and long-mode state itself; what it leaves to the processor (EVENTINJ, CS.L with CS.D in 6.12) fails the hardware VMRUN of vmcb02, and KVM forwards that SVM_EXIT_ERR to L1.", "arch/x86/kvm/svm/nested.c: nested_vmcb_check_controls, nested_vmcb_check_save, nested_svm_intercept"),
        R(KvmOneEventPerEntry, Deliver, "kvm.one-event-per-entry", "KVM injects at most one event per entry (an exception, an SMM entry, an NMI or an IRQ, in that order). Another event that is pending and not blocked makes it request an immediate exit, so it is injected right after the first is delivered; a blocked one gets a window (NMI: STGI intercept with vGIF or single-step; IRQ: V_IRQ with the VINTR intercept; SMI: STGI intercept).", "arch/x86/kvm/x86.c: kvm_check_and_inject_events, vcpu_enter_guest; arch/x86/kvm/svm/svm.c: svm_enable_nmi_window, svm_enable_irq_window, svm_enable_smi_window, svm_vcpu_run"),
        R(KvmWindowsReachRunningVmcb, Deliver, "kvm.windows-reach-running-vmcb", "Intercepts KVM sets while L2 runs are set in vmcb01 and merged into vmcb02 at once, and the V_IRQ of an interrupt window is written into the running VMCB: with vGIF, an NMI or INTR that arrives after L2's CLGI is noticed at L2's STGI.", "arch/x86/kvm/svm/svm.h: svm_set_intercept; arch/x86/kvm/svm/nested.c: recalc_intercepts; arch/x86/kvm/svm/svm.c: svm_set_vintr"),
        R(KvmNestedEventOrder, Deliver, "kvm.nested-event-order", "While L2 runs KVM looks at INIT, then exceptions, SMI, NMI and IRQ, and stops at the first one that is not blocked: a #VMEXIT to L1 when L1 intercepts it, else injection into L2. An SMI causes #VMEXIT(SMI) only when L1 intercepts SMI.", "arch/x86/kvm/svm/nested.c: svm_check_nested_events"),
        R(KvmSmiInL2EntersSmm, Deliver, "kvm.smi-in-l2-enters-smm", "An SMI that L1 does not intercept, taken while L2 runs, leaves L2 without telling L1 (exit code SVM_EXIT_SW in vmcb12) and enters SMM in L1 with the guest's state and vmcb12's address in the state-save area; RSM goes back into L2.", "arch/x86/kvm/svm/svm.c: svm_enter_smm, svm_leave_smm; arch/x86/kvm/smm.c: enter_smm"),
        R(KvmRsmIntercepted, Deliver, "kvm.rsm-emulated", "KVM intercepts RSM and emulates it: the state-save area in L1's memory is loaded back (or #UD outside SMM).", "arch/x86/kvm/svm/svm.c: init_vmcb, rsm_interception; arch/x86/kvm/smm.c: emulator_leave_smm"),
        R(KvmNripSkipKeepsRf, Deliver, "kvm.nrip-skip-keeps-rf", "KVM skips an instruction it handled by moving RIP to the next RIP the processor reported; RFLAGS.RF is left as the #VMEXIT saved it, so an instruction breakpoint on the next instruction is suppressed when RF was set.", "arch/x86/kvm/svm/svm.c: __svm_skip_emulated_instruction; arch/x86/kvm/x86.c: kvm_skip_emulated_instruction"),
    ];
}
