namespace Errata.Qemu.Image;

/// <summary>
/// What the firmware writes on the debug console, one record a line: a tag, then words of
/// 16 hex digits. The firmware (<see cref="FirmwareAssembler"/>) writes them and
/// Report.ReportParser reads them; this is the one definition of both.
/// </summary>
internal static class ReportProtocol
{
    /// <summary>A delivery through the IDT: a <see cref="StateWords"/> record.</summary>
    public const char Delivery = 'E';

    /// <summary>The scenario's `hlt`, the run's end: a <see cref="StateWords"/> record of the interrupted state.</summary>
    public const char Final = 'F';

    /// <summary>An exception the default handlers do not return from: a <see cref="StateWords"/> record, then the end.</summary>
    public const char Unhandled = 'U';

    /// <summary>An injection made its event pending: the event's code (<see cref="EventCode"/>), the address.</summary>
    public const char Injected = 'I';

    /// <summary>
    /// The host resumed after VMRUN: the VMCB's EXITCODE and the guest's RIP, then a state record
    /// (its vector word first) of the host as it resumed.
    /// </summary>
    public const char VmExit = 'V';

    /// <summary>
    /// Just before an injection site sends INIT: a <see cref="StateWords"/> record of the state at the
    /// site, then the memory records. A reset leaves nothing else to read the state at the INIT from.
    /// </summary>
    public const char BeforeInit = 'N';

    /// <summary>The image booted again after an INIT reset the processor: the run ends, reset.</summary>
    public const char Reset = 'R';

    /// <summary>The GIF probe at the end: 1 when the probe NMI was taken.</summary>
    public const char Gif = 'G';

    /// <summary>Memory after the run: the address, the number of qwords, the qwords.</summary>
    public const char Memory = 'M';

    /// <summary>The firmware finished its report and is about to exit.</summary>
    public const char End = 'X';

    /// <summary>The first word of a state record: the vector, with <see cref="HasErrorCode"/> when the frame holds one.</summary>
    public const ulong HasErrorCode = 0x100;

    /// <summary>In the first word of a delivery record: an SMM entry, whose frame words are read from the state-save area.</summary>
    public const ulong Smm = 0x200;

    /// <summary>
    /// The words after the vector, in order: the interrupt frame (the error code is all ones when
    /// none was pushed), then the debug and control registers, then the general registers as
    /// they were when the event arrived (RSP is the frame's).
    /// </summary>
    public static readonly string[] StateWords =
    [
        "frame.rip", "frame.cs", "frame.rflags", "frame.rsp", "frame.ss", "frame.error",
        "dr0", "dr1", "dr2", "dr3", "dr6", "dr7", "cr0", "cr2", "cr3", "cr4", "cr8", "efer",
        "rax", "rcx", "rdx", "rbx", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
    ];

    /// <summary>What the firmware dumps at the end: each memory block (whole qwords) and the VMCB page when there is a guest.</summary>
    public static IEnumerable<(ulong Start, int Qwords)> DumpedRanges(Errata.Machine.MachineImage image)
    {
        foreach (var block in image.Memory)
        {
            var start = block.Address & ~7UL;
            var end = (block.Address + (ulong)block.Bytes.Length + 7) & ~7UL;
            if (end > start) yield return (start, (int)((end - start) / 8));
        }
        if (image.GuestEntry is not null) yield return (Errata.Machine.MachineStart.Vmcb, 0x1000 / 8);
    }

    /// <summary>An injected event's code: the class in bits 8 and up, the vector in bits 0-7.</summary>
    public static ulong EventCode(Errata.Machine.Events.EventId id) => ((ulong)id.Class << 8) | (uint)id.Number;

    public static Errata.Machine.Events.EventId FromCode(ulong code) =>
        new((Errata.Machine.Events.EventClass)(code >> 8), (int)(code & 0xFF));
}
