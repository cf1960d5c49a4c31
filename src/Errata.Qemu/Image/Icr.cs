using Errata.Machine.Events;

namespace Errata.Qemu.Image;

/// <summary>
/// The xAPIC ICR low word that sends an injected event to this processor (APIC ID 0, physical
/// destination, level assert; Intel SDM Vol. 3 11.6.1, APM Vol. 2 16.5): fixed for `intr N`,
/// NMI, SMI and INIT by delivery mode. A machine check cannot be sent through the APIC.
/// </summary>
internal static class Icr
{
    private const uint Assert = 1u << 14;
    private const uint Fixed = 0, Smi = 2u << 8, Nmi = 4u << 8, Init = 5u << 8;

    public static uint? LowWord(EventId id) => id.Class switch
    {
        EventClass.Intr => Assert | Fixed | (uint)id.Number,
        EventClass.Nmi => Assert | Nmi,
        EventClass.Smi => Assert | Smi,
        EventClass.Init => Assert | Init,
        _ => null,
    };
}
