using Iced.Intel;

namespace Errata.Testing.Differential;

/// <summary>
/// The differences between real QEMU 7.2 TCG runs and the qemu-tcg profile that remain after
/// every one the model could follow was fixed in the model (qemu-tcg's rules). Each explains a
/// program's first disagreement; docs/guide/profiles.md lists them with the same ids (a test checks).
/// Two come from how the QEMU image realises an injection (an INT3 it writes at the site), not
/// from QEMU: they are listed so that they are never mistaken for QEMU's behaviour.
/// </summary>
internal static partial class KnownQemuDivergences
{
    private const string Image = "Errata's QEMU image (src/Errata.Qemu/Image): an injection is an INT3 written at the site, whose handler sends the event through the xAPIC ICR";

    public static readonly IReadOnlyList<KnownDivergence> All =
    [
        new("image.injection-at-int3",
            "An injection at the scenario's own INT3: the image's INT3 at the site and the scenario's cannot be told apart, and the guest runs until the time limit.",
            Image,
            c => c.First is { Kind: DisagreementKind.End, Subject: "real run failed" } && c.Facts.InjectionSites.Any(i => i.Mnemonic == Mnemonic.Int3)),
        new("image.no-machine-check",
            "A scenario that injects a machine check (or another event the image cannot send through the xAPIC ICR): the QEMU backend refuses it.",
            Image,
            c => c.First is { Kind: DisagreementKind.End, Subject: "real run failed" } && c.First.Detail.Contains("cannot inject", StringComparison.Ordinal)),
        new("image.handler-entry-changes-flags",
            "A run that ends at a HLT in a scenario's handler: the image's reporting code runs before the handler and leaves its own arithmetic flags, so the final RFLAGS differ in CF, PF, ZF, SF or OF.",
            Image,
            c => c.First is { Kind: DisagreementKind.FinalState, Subject: "rflags" } && EndsInHandler(c)),
        new("image.injection-ends-shadow",
            "An interrupt or NMI injected right after STI or MOV SS: the IRET of the image's injection handler ends the shadow, so QEMU takes the event an instruction earlier than the processor, which holds it through the shadow. (QEMU would not hold an NMI there either: x86_cpu_pending_interrupt tests the shadow, HF_INHIBIT_IRQ, for INTR only.)",
            Image + "; QEMU 7.2 target/i386/cpu.c: x86_cpu_pending_interrupt",
            c => c.First.Subject is "nmi" or "intr 0x20" or "deliveries" && c.Facts.InjectionSites.Any(site => Previous(c, site) is { } p && ProgramFacts.OpensShadow(p))),
        new("qemu.watchpoint-db-after-single-step",
            "A data breakpoint hit by an instruction run with TF raises two #DBs: QEMU runs the instruction again alone after the hit, the single-step check at the end of that block raises a #DB reporting BS and the breakpoint (its hit mark), and the debug interrupt the second run requested is taken at the #DB handler's first instruction, a second #DB for the watchpoint. The processor raises one #DB reporting both. The image reports the second #DB first, as its handler starts first, and the first one's DR6 as that handler left it.",
            "QEMU 7.2 softmmu/watchpoint.c: cpu_check_watchpoint (cpu_interrupt with CPU_INTERRUPT_DEBUG when the check runs again); target/i386/tcg/bpt_helper.c: helper_single_step; target/i386/tcg/sysemu/bpt_helper.c: breakpoint_handler",
            c => c.First is { Kind: DisagreementKind.ExtraEvent, Subject: "#DB", Observed.ReturnRip: null }),
        new("qemu.io-breakpoint-drops-single-step",
            "An I/O breakpoint on an IN or OUT run with TF: QEMU raises the breakpoint's #DB from inside the instruction, before the single-step check at its end, so DR6 reports Bn without BS and the single-step trap of that instruction is lost; the processor reports both in one #DB.",
            "QEMU 7.2 target/i386/tcg/sysemu/bpt_helper.c: helper_bpt_io; target/i386/tcg/bpt_helper.c: helper_single_step",
            c => c.First is { Kind: DisagreementKind.Dr6 or DisagreementKind.MissingEvent, Subject: "#DB", Expected: { } d }
                 && c.Facts.EndingAt(d.ReturnRip) is { Mnemonic: Mnemonic.Out or Mnemonic.In }),
        new("image.injection-clears-hit-marks",
            "A #DB whose DR6 lacks B bits that the model reports from QEMU's hit marks (rule qemu.watchpoint-hit-marks-persist), in a program with an injection: the image's injection handler writes the site's own byte back, a store to the scenario's code page, which QEMU checks against the watchpoints on that page like any store, clearing their marks.",
            Image + " (FirmwareAssembler.cs: Sites, Inject); QEMU 7.2 softmmu/watchpoint.c: cpu_check_watchpoint",
            c => c.First is { Kind: DisagreementKind.Dr6, Expected.Dr6: { } expected, Observed.Dr6: { } observed }
                 && ((expected ^ observed) & 0xF) != 0 && (observed & ~expected & 0xF) == 0 && c.Program.Image.Injections.Count > 0),
        .. FoundByDocs,
        new("known.differences-cancel-into-order",
            "Two known differences in one run whose deliveries have the same key, one run's extra delivery and the other's missing one, so that the two lists differ only in order. Explained when every delivery only one run has, where the two lists are aligned, is explained by another row.",
            "the rows it combines, in this table",
            c => c.First is { Kind: DisagreementKind.EventOrder, Parts: { Count: > 0 } parts }
                 && parts.Select((part, i) => Explain(c with { First = part, Second = parts.ElementAtOrDefault(i + 1) })).All(k => k is not null)),
    ];

    /// <summary>The known divergence that explains a case's first disagreement, if one does.</summary>
    public static KnownDivergence? Explain(DivergenceCase c) => All.FirstOrDefault(k => k.Explains(c));

    private static bool EndsInHandler(DivergenceCase c) =>
        c.Model.Final.TryGet("rip", out var rip) && c.Program.Image.Handlers.Values.Any(h => rip > h && rip - h <= 64)
        && c.Real is { } real && real.Final.TryGet("rflags", out var observed) && c.Model.Final.TryGet("rflags", out var expected)
        && ((observed ^ expected) & ~ArithmeticFlags) == 0;

    /// <summary>CF, PF, AF, ZF, SF, OF.</summary>
    private const ulong ArithmeticFlags = 0x8D5;

    private static Instruction? Previous(DivergenceCase c, Instruction site) => c.Facts.EndingAt(site.IP);
}
