using Errata.Machine.Events;

namespace Errata.Testing.Differential;

/// <summary>The known divergences first found by running docs/'s scenarios on QEMU (docs/guide/profiles.md lists them too).</summary>
internal static partial class KnownQemuDivergences
{
    /// <summary>A property, not a field: <see cref="All"/> reads it while the other part's fields are initialised.</summary>
    private static IEnumerable<KnownDivergence> FoundByDocs =>
    [
        new("qemu.rf-kept-through-a-longer-block",
            "RF that a #DB handler's IRETQ restores is still set when an exception or HLT is taken later in the same translation block: rule qemu.rf-kept-until-the-block-ends follows blocks of one instruction (every block on a page with an execute breakpoint), which the model clears RF after; where a block holds several instructions, QEMU clears RF only at its end, which a block that ends in INT3, HLT or another exception never reaches.",
            "QEMU 7.2 target/i386/tcg/translate.c: do_gen_eob_worker (gen_helper_reset_rf at a block's end only); target/i386/tcg/seg_helper.c: do_interrupt64 pushes RFLAGS with RF",
            c => c.First is { Kind: DisagreementKind.FinalState, Subject: "rflags" }
                 && c.Real is { } real && real.Final.TryGet("rflags", out var observed) && c.Model.Final.TryGet("rflags", out var expected)
                 && (observed ^ expected) == Rf && (observed & Rf) != 0
                 && Delivery.Of(c.Model, c.Program.Image).Any(d => d.Event == "#DB")),
        new("image.no-budget",
            "A scenario that ends on its instruction budget (an endless loop): the budget is the built-in machine's, the image has none, so the guest runs until the wall-clock limit and the QEMU backend refuses it.",
            ImageItself + " (it runs the scenario's code as written, with no instruction count)",
            c => c.First is { Kind: DisagreementKind.End, Subject: "real run failed" } && c.Model.End == RunEnd.BudgetExceeded
                 && c.First.Detail.Contains("did not finish", StringComparison.Ordinal)),
        new("image.guest-hlt-ends-the-run",
            "A guest's HLT that the VMCB intercepts: the image writes INT3 over every one-byte HLT, the guest's too, so the run ends at the guest's HLT with the guest's registers, where the processor exits to the host (code 0x78) and ends at the host's HLT.",
            ImageItself + ": Site.cs, an INT3 over every one-byte HLT",
            c => c.First.Kind == DisagreementKind.FinalState && c.Model.Events.Any(e => e.Id == EventId.VmExit(HltExitCode))),
        new("image.unhandled-reports-the-interrupted-rsp",
            "A run that stops at an exception no handler takes: the image reports the state the exception interrupted, RSP before the frame, where the machine stops with the frame pushed.",
            ImageItself + ": FirmwareAssembler.cs, the unhandled record holds the frame's RSP",
            c => c.First is { Kind: DisagreementKind.FinalState, Subject: "rsp" } && c.Model.End == RunEnd.Stopped
                 && c.Real is { } real && real.Final.TryGet("rsp", out var observed) && c.Model.Final.TryGet("rsp", out var expected)
                 && observed > expected && observed - expected <= MaxFrame),
        new("image.reset-reports-the-state-at-the-site",
            "A run an INIT resets after it was held or intercepted: a reset leaves nothing to read, so the image reports the state at the site just before it sends the INIT, where the processor resets later, elsewhere (after a #VMEXIT(INIT), which leaves the INIT pending and at GIF=0 lets QEMU take it at once, at the host's first instruction).",
            ImageItself + ": FirmwareAssembler.cs, the state before an INIT; QEMU 7.2 accel/tcg/cpu-exec.c: cpu_handle_interrupt",
            c => c.First.Kind == DisagreementKind.FinalState && c.Model.End == RunEnd.Reset
                 && c.Model.Events.Any(e => e.Id == EventId.Init && e.DeliveredBefore != e.Rip)),
    ];

    private const string ImageItself = "Errata's QEMU image (src/Errata.Qemu/Image)";

    private const ulong Rf = 0x10000;

    /// <summary>#VMEXIT code of an intercepted HLT (APM Vol. 2 Appendix C).</summary>
    private const int HltExitCode = 0x78;

    /// <summary>A 64-bit exception frame with an error code: SS, RSP, RFLAGS, CS, RIP, error code.</summary>
    private const ulong MaxFrame = 48;
}
