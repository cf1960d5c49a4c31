namespace Errata.Machine.Firmware;

/// <summary>
/// The machine's own structures in 0x440000..0x480000, above everything the scenario layer places.
/// Fixed addresses keep runs deterministic and let documents name them.
/// </summary>
internal static class MachineLayout
{
    /// <summary>The IDT: 256 long-mode interrupt gates.</summary>
    public const ulong Idt = 0x440000;

    /// <summary>Default handlers: 16 bytes per vector, run natively by <see cref="DefaultHandlers"/>.</summary>
    public const ulong FirmwareBase = 0x441000;
    public const ulong SmiHandler = FirmwareBase + 256 * 16;
    public const ulong FirmwareLimit = 0x443000;

    /// <summary>The stack the scenario's code starts on (grows down from here).</summary>
    public const ulong StackTop = 0x450000;

    /// <summary>RSP0: the stack an interrupt from CPL 3 switches to.</summary>
    public const ulong KernelStackTop = 0x454000;

    /// <summary>The nested guest's initial RSP.</summary>
    public const ulong GuestStackTop = 0x458000;

    /// <summary>The VMCB the machine prepares from the image's VMCB keys; RAX holds it at start when there is a guest.</summary>
    public const ulong Vmcb = 0x460000;

    /// <summary>VM_HSAVE_PA: where VMRUN keeps the host's state.</summary>
    public const ulong HostSaveArea = 0x461000;

    /// <summary>CR3: the root of the identity map over the scenario's memory.</summary>
    public const ulong PageTableRoot = 0x470000;

    public static ulong StubFor(int vector) => FirmwareBase + (ulong)vector * 16;

    public static bool IsFirmware(ulong address) => address - FirmwareBase < FirmwareLimit - FirmwareBase;
}
