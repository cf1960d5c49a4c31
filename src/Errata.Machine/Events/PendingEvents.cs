namespace Errata.Machine.Events;

/// <summary>
/// The one word the step loop tests before each instruction. A set bit means the
/// boundary arbiter has something to look at; the arbiter clears what it resolves.
/// </summary>
[Flags]
internal enum PendingEvents : uint
{
    None = 0,
    /// <summary>Single-step and data-breakpoint traps of the instruction just completed.</summary>
    DebugTrap = 1 << 0,
    MachineCheck = 1 << 1,
    Smi = 1 << 2,
    Init = 1 << 3,
    Nmi = 1 << 4,
    Intr = 1 << 5,
    /// <summary>V_IRQ is set in the VMCB the processor runs.</summary>
    VirtualIntr = 1 << 6,
    /// <summary>The platform under the code (KVM) has work before the next instruction.</summary>
    PlatformRequest = 1 << 7,
    /// <summary>Stays set while DR7 enables an execute breakpoint: every boundary checks the next RIP.</summary>
    CodeBreakpoints = 1 << 8,
}
