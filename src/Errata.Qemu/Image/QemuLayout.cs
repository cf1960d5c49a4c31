using Errata.Machine;

namespace Errata.Qemu.Image;

/// <summary>
/// Where the QEMU image keeps what the built-in machine does not need: the multiboot header and
/// 32-bit boot stub (in the page below the scenario's code, zeroed before the scenario starts),
/// the firmware's code, the page tables, GDT, TSS and the firmware's data. The IDT, the stacks,
/// the VMCB and the host save area are where the built-in machine has them (MachineStart).
/// </summary>
internal static class QemuLayout
{
    /// <summary>Where QEMU's multiboot loader puts the file's first byte.</summary>
    public const ulong LoadBase = 0x400000;

    /// <summary>The page the boot stub occupies; the firmware zeroes it before the scenario starts.</summary>
    public const ulong BootLimit = 0x401000;

    /// <summary>The scenario's own bytes must lie below this: above it are the machines' structures.</summary>
    public const ulong ScenarioLimit = 0x440000;

    public const ulong FirmwareBase = 0x462000;
    public const ulong FirmwareLimit = 0x470000;

    public const ulong PageTables = 0x470000;
    public const ulong Gdt = 0x476000;
    public const ulong Tss = 0x476100;
    public const ulong Data = 0x477000;

    /// <summary>The end of the file; the rest of the scenario's memory is zeroed by the loader (bss).</summary>
    public const ulong FileLimit = 0x478000;
    public const ulong MemoryLimit = 0x480000;

    /// <summary>SMBASE after reset (APM Vol. 2 10.2.1): the boot stub's first SMI runs at <see cref="ResetSmBase"/> + 8000h and relocates it to the built-in machine's.</summary>
    public const ulong ResetSmBase = 0x30000;

    /// <summary>Where SMM entry starts once SMBASE is relocated: the 16-bit trampoline to the firmware's 64-bit SMM entry.</summary>
    public const ulong SmmEntry = MachineStart.SmBase + 0x8000;

    /// <summary>The stack the firmware's SMM entry reports on, so the interrupted stack is not written (SMM pushes nothing).</summary>
    public const ulong SmmStackTop = MemoryLimit;

    /// <summary>
    /// Outside everything the multiboot loader writes: the boot stub leaves <see cref="ResetMagic"/>
    /// here, so when an INIT sends the processor back through the firmware and the image boots again,
    /// the stub reports the reset instead of starting the scenario a second time.
    /// </summary>
    public const ulong ResetMarker = 0x600000;
    public const uint ResetMagic = 0x45525241; // "ARRE"

    /// <summary>The local APIC's xAPIC page (identity-mapped, uncached).</summary>
    public const ulong Apic = 0xFEE00000;
    public const int ApicEoi = 0xB0, ApicSvr = 0xF0, ApicIcrLow = 0x300, ApicIcrHigh = 0x310;

    /// <summary>I/O ports of QEMU's isa-debugcon and isa-debug-exit.</summary>
    public const byte DebugConsolePort = 0xE9;
    public const byte ExitPort = 0xF4;

    /// <summary>The value the firmware writes to the exit port; QEMU exits with (value &lt;&lt; 1) | 1.</summary>
    public const byte ExitValue = 0x10;
    public const int ExitStatus = (ExitValue << 1) | 1;

    public const ushort TssSelector = 0x28;
}
