namespace Errata.Machine.Debug;

/// <summary>
/// The architectural debug facility: DR0-DR3, DR6, DR7, breakpoint matching, and the
/// trap conditions an instruction leaves for the next boundary. Knows nothing of tracing.
/// </summary>
internal sealed class DebugUnit
{
    public readonly ulong[] Address = new ulong[4];
    public ulong Dr6 = DebugBits.Dr6ActiveLow;
    public ulong Dr7 = DebugBits.Dr7Fixed1;

    /// <summary>Bits n of enabled execute (R/W=00) breakpoints.</summary>
    public int ExecuteMask { get; private set; }

    /// <summary>Bits n of enabled data breakpoints (R/W=01 or 11).</summary>
    public int DataMask { get; private set; }

    /// <summary>Bits n of enabled I/O breakpoints (R/W=10); they match only while CR4.DE=1.</summary>
    public int IoMask { get; private set; }

    /// <summary>B0-B3 of data and I/O matches raised by the current instruction, for the trap at the next boundary.</summary>
    public int PendingDataMatches;

    /// <summary>The current instruction started with TF=1: a single-step trap at the next boundary.</summary>
    public bool PendingSingleStep;

    /// <summary>The instruction a pending trap reports when it is not the last one retired (VMRUN's TF trap).</summary>
    public ulong? TrapRip;

    public void WriteDr6(ulong value) => Dr6 = (value & DebugBits.Dr6Writable) | DebugBits.Dr6ActiveLow;

    public void WriteDr7(ulong value)
    {
        Dr7 = (value & DebugBits.Dr7Writable) | DebugBits.Dr7Fixed1;
        int exec = 0, data = 0, io = 0;
        for (var n = 0; n < 4; n++)
        {
            if (!DebugBits.Enabled(Dr7, n)) continue;
            var type = DebugBits.Type(Dr7, n);
            if (type == 0) exec |= 1 << n;
            else if (type is 1 or 3) data |= 1 << n;
            else io |= 1 << n;
        }
        ExecuteMask = exec;
        DataMask = data;
        IoMask = io;
    }

    /// <summary>B0-B3 for enabled execute breakpoints at <paramref name="rip"/>.</summary>
    public int MatchExecute(ulong rip)
    {
        var bits = 0;
        for (var n = 0; n < 4; n++)
            if ((ExecuteMask & (1 << n)) != 0 && Address[n] == rip) bits |= 1 << n;
        return bits;
    }

    /// <summary>The registers of execute type (R/W=00) holding <paramref name="rip"/>, enabled or not.</summary>
    public int ExecuteTypeAt(ulong rip)
    {
        var bits = 0;
        for (var n = 0; n < 4; n++)
            if (DebugBits.Type(Dr7, n) == 0 && Address[n] == rip) bits |= 1 << n;
        return bits;
    }

    /// <summary>Records enabled data matches of an access; returns true when any matched.</summary>
    public bool MatchData(ulong address, int size, bool write)
    {
        var bits = 0;
        for (var n = 0; n < 4; n++)
        {
            if ((DataMask & (1 << n)) == 0) continue;
            if (!write && DebugBits.Type(Dr7, n) == 1) continue;
            if (Covers(Dr7, n, address, size)) bits |= 1 << n;
        }
        if (!ReportsEveryDataMatch && bits != 0)
        {
            // The first hit stops the search, and later accesses of the instruction add nothing.
            if (PendingDataMatches != 0) return true;
            bits &= -bits;
        }
        PendingDataMatches |= bits;
        return bits != 0;
    }

    /// <summary>
    /// Records enabled I/O matches of an IN or OUT of <paramref name="size"/> bytes at
    /// <paramref name="port"/>; returns true when any matched. The caller checks CR4.DE: without
    /// it R/W=10 is undefined (APM Vol. 2 13.1.1) and the machine matches nothing.
    /// </summary>
    public bool MatchIo(ushort port, int size)
    {
        var bits = IoMatches(Dr7, port, size);
        PendingDataMatches |= bits;
        return bits != 0;
    }

    /// <summary>
    /// B0-B3 of the I/O breakpoints <paramref name="dr7"/> enables over an access, without recording
    /// anything: what a processor running with that DR7 would report.
    /// </summary>
    public int IoMatches(ulong dr7, ushort port, int size)
    {
        var bits = 0;
        for (var n = 0; n < 4; n++)
            if (DebugBits.Enabled(dr7, n) && DebugBits.Type(dr7, n) == 2 && Covers(dr7, n, port, size)) bits |= 1 << n;
        return bits;
    }

    /// <summary>Whether DRn's LEN-aligned range overlaps <paramref name="size"/> bytes at <paramref name="address"/>.</summary>
    /// <summary>
    /// Whether a breakpoint covers the LEN-aligned range its address lies in (the processor) or
    /// LEN bytes from the address as written (QEMU); set from the rules when the machine starts.
    /// </summary>
    public bool AlignsRanges { get; init; } = true;

    /// <summary>
    /// Whether an instruction's accesses report every data breakpoint they match (the processor)
    /// or only the first, lowest-numbered one (QEMU); set from the rules when the machine starts.
    /// </summary>
    public bool ReportsEveryDataMatch { get; init; } = true;

    private bool Covers(ulong dr7, int n, ulong address, int size)
    {
        var len = (ulong)DebugBits.Length(dr7, n);
        var start = AlignsRanges ? Address[n] & ~(len - 1) : Address[n];
        return address < start + len && start < address + (ulong)size;
    }

    /// <summary>
    /// DR6 as a #DB reports it: B0-B3 replaced by this #DB's matches, BD/BS/BT only ever set.
    /// </summary>
    public void Report(int matches, ulong stickyBits) =>
        Dr6 = (Dr6 & ~DebugBits.Dr6TrapBits) | (uint)matches | stickyBits | DebugBits.Dr6ActiveLow;
}
