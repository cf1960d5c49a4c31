using Errata.Machine.Rules;

namespace Errata.Qemu.Report;

/// <summary>
/// The rules a QEMU outcome's events carry. QEMU decides for itself; what Errata records is what
/// it observed, so the source is the QEMU that ran (its version is in the outcome's provenance).
/// </summary>
internal static class QemuRules
{
    public static readonly Rule Delivered = new("qemu.delivered",
        "QEMU delivered the event through the IDT; the firmware's handler entry reported it", "QEMU, observed");

    public static readonly Rule EnteredSmm = new("qemu.entered-smm",
        "QEMU entered SMM for the SMI; the firmware's SMM entry reported the state-save area", "QEMU, observed");

    public static readonly Rule Reset = new("qemu.init-reset",
        "QEMU reset the processor for the INIT: the image booted again and reported the reset", "QEMU, observed");

    public static readonly Rule NotDelivered = new("qemu.not-delivered",
        "The event was sent through the APIC and QEMU had not delivered it when the run ended", "QEMU, observed");
}
