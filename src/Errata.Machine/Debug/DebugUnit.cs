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

    /// <summary>A new address makes QEMU remove and insert the register's watchpoint: its hit mark goes.</summary>
    public void WriteAddress(int n, ulong value)
    {
        Address[n] = value;
        WatchpointHits &= ~(1 << n);
    }

    public void WriteDr7(ulong value)
    {
        var old = Dr7;
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
        // QEMU's cpu_x86_update_dr7 keeps the watchpoints that stay enabled, with their hit marks, only
        // when nothing but enables changes; any other write makes new ones.
        WatchpointHits = ((old ^ Dr7) & ~0xFFUL) == 0 ? WatchpointHits & data : 0;
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
        if (ChecksUnalignedInPieces || KeepsWatchpointHits)
        {
            // QEMU leaves the instruction at its first hit and runs it again without checking: later accesses change nothing.
            if (!ReportsEveryDataMatch && PendingDataMatches != 0) return true;
            return Record(ChecksUnalignedInPieces && (address & (ulong)(size - 1)) != 0
                ? MatchPieces(address, (ulong)size, write)
                : Check(address, (ulong)size, write));
        }
        var bits = 0;
        for (var n = 0; n < 4; n++)
        {
            if ((DataMask & (1 << n)) == 0) continue;
            if (!write && DebugBits.Type(Dr7, n) == 1) continue;
            if (Covers(Dr7, n, address, size)) bits |= 1 << n;
        }
        return Record(bits);
    }

    /// <summary>Adds an access's matches to the pending trap; returns true when it matched.</summary>
    private bool Record(int bits)
    {
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

    /// <summary>
    /// Whether an unaligned access is checked in QEMU's pieces (<see cref="MatchPieces"/>) or by the
    /// bytes it touches (the processor); set from the rules when the machine starts.
    /// </summary>
    public bool ChecksUnalignedInPieces { get; init; }

    private const ulong PageSize = 0x1000;

    /// <summary>
    /// The matches of an unaligned access as QEMU 7.2's softmmu checks it (accel/tcg/cputlb.c): a load
    /// as the two aligned loads of its size around it (load_helper); a store as [address, address +
    /// size - size2) and [page2, page2 + size2), where page2 and size2 are the page and in-page offset
    /// of address + size, then byte by byte (store_helper_unaligned). The first check that hits stops
    /// QEMU's search (cpu_check_watchpoint), so only its first watchpoint is reported.
    /// </summary>
    private int MatchPieces(ulong address, ulong size, bool write)
    {
        if (!write)
        {
            var first = address & ~(size - 1);
            var bits = Check(first, size, write);
            return bits != 0 ? bits : Check(first + size, size, write);
        }
        var end = address + size;
        var size2 = end & (PageSize - 1);
        // On one page size - size2 wraps, as QEMU's size_t does: the first check then matches nothing there,
        // and the second covers the page from its start to the store's end.
        var hit = Check(address, size - size2, write);
        if (hit == 0) hit = Check(end - size2, size2, write);
        for (var i = 0UL; hit == 0 && i < size; i++) hit = Check(address + i, 1, write);
        return hit;
    }

    /// <summary>
    /// Bits n of the data breakpoints whose QEMU watchpoint is marked hit (BP_WATCHPOINT_HIT), kept
    /// where the rules say the marks persist: check_hw_breakpoints reports every marked one in DR6.
    /// </summary>
    public int WatchpointHits;

    /// <summary>Whether hit marks persist from check to check (QEMU) or a #DB reports only its own matches (the processor); set from the rules.</summary>
    public bool KeepsWatchpointHits { get; init; }

    /// <summary>
    /// One cpu_check_watchpoint: only on a page some watchpoint of the access's kind covers (the TLB
    /// flags only those), with QEMU's overlap test, which lets the end of [start, start + length) wrap.
    /// It walks the watchpoints in DR0-DR3 order, marking a hit and stopping there, and clearing
    /// the mark of each it passes.
    /// </summary>
    private int Check(ulong start, ulong length, bool write)
    {
        if (!Watched(start & ~(PageSize - 1), write)) return 0;
        var hits = 0;
        for (var n = 0; n < 4; n++)
        {
            if ((DataMask & (1 << n)) == 0) continue;
            var (first, last) = Range(Dr7, n);
            if ((write || DebugBits.Type(Dr7, n) == 3) && !(start > last || first > start + length - 1))
            {
                hits |= 1 << n;
                if (!ReportsEveryDataMatch) break;
            }
            else if (KeepsWatchpointHits) WatchpointHits &= ~(1 << n);
        }
        if (KeepsWatchpointHits) WatchpointHits |= hits;
        return hits;
    }

    /// <summary>Whether an enabled data breakpoint of the access's kind covers any byte of the page.</summary>
    private bool Watched(ulong page, bool write)
    {
        for (var n = 0; n < 4; n++)
        {
            if ((DataMask & (1 << n)) == 0 || (!write && DebugBits.Type(Dr7, n) == 1)) continue;
            var (first, last) = Range(Dr7, n);
            if (first <= page + PageSize - 1 && last >= page) return true;
        }
        return false;
    }

    /// <summary>The first and last byte DRn covers with the LEN <paramref name="dr7"/> gives it.</summary>
    private (ulong First, ulong Last) Range(ulong dr7, int n)
    {
        var len = (ulong)DebugBits.Length(dr7, n);
        var first = AlignsRanges ? Address[n] & ~(len - 1) : Address[n];
        return (first, first + len - 1);
    }

    /// <summary>Whether DRn's range overlaps <paramref name="size"/> bytes at <paramref name="address"/>.</summary>
    private bool Covers(ulong dr7, int n, ulong address, int size)
    {
        var (first, last) = Range(dr7, n);
        return address < last + 1 && first < address + (ulong)size;
    }

    /// <summary>
    /// DR6 as a #DB reports it: B0-B3 replaced by this #DB's matches, BD/BS/BT only ever set.
    /// </summary>
    public void Report(int matches, ulong stickyBits) =>
        Dr6 = (Dr6 & ~DebugBits.Dr6TrapBits) | (uint)matches | stickyBits | DebugBits.Dr6ActiveLow;
}
