namespace Errata.Machine.Core;

/// <summary>
/// What a delivery does to RFLAGS.RF before it pushes the frame (APM Vol. 2 3.1.6): a fault sets it,
/// so the handler's IRETQ restarts the instruction without its instruction breakpoint firing again;
/// an instruction breakpoint's #DB clears it; traps, interrupts and NMIs leave it as it stands.
/// </summary>
internal enum FrameRf : byte
{
    AsItStands,
    Set,
    Cleared,
}
