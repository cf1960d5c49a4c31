using Errata.Machine.Events;
using Errata.Machine.Rules;

namespace Errata.Machine.Core;

/// <summary>Data accesses: the identity map, the local APIC page, #PF outside them, data-breakpoint matching.</summary>
internal sealed partial class Cpu
{
    public const ulong ApicBase = 0xFEE00000;

    public bool TryRead(ulong address, int size, out ulong value)
    {
        if (!Memory.TryRead(address, size, out value)) return ReadOutside(address, size, out value);
        if (Debug.DataMask != 0 && Debug.MatchData(address, size, write: false)) RaisePending(PendingEvents.DebugTrap);
        return true;
    }

    public bool TryWrite(ulong address, int size, ulong value)
    {
        if (!Memory.TryWrite(address, size, value)) return WriteOutside(address, size, value);
        Cache.Invalidate(address, size);
        if (Debug.DataMask != 0 && Debug.MatchData(address, size, write: true)) RaisePending(PendingEvents.DebugTrap);
        return true;
    }

    public bool Push(ulong value)
    {
        if (!TryWrite(Rsp - 8, 8, value)) return false;
        Rsp -= 8;
        return true;
    }

    public bool Pop(out ulong value)
    {
        if (!TryRead(Rsp, 8, out value)) return false;
        Rsp += 8;
        return true;
    }

    private bool ReadOutside(ulong address, int size, out ulong value)
    {
        value = 0;
        if (IsApic(address, size)) { value = Platform.Apic.Read((int)(address - ApicBase)); return true; }
        return PageFault(address, write: false);
    }

    private bool WriteOutside(ulong address, int size, ulong value)
    {
        if (IsApic(address, size)) { Platform.Apic.Write((int)(address - ApicBase), value); return true; }
        return PageFault(address, write: true);
    }

    private static bool IsApic(ulong address, int size) => address - ApicBase <= 0x1000UL - (ulong)size;

    /// <summary>Records #PF for the current instruction: not present, W for writes, U at CPL 3 (APM 8.2.15).</summary>
    public bool PageFault(ulong address, bool write, bool fetch = false)
    {
        Cr2 = address;
        var error = (write ? 2u : 0u) | (Cpl == 3 ? 4u : 0u) | (fetch ? 16u : 0u);
        RaiseFault(14, $"access to unmapped 0x{address:x}", Rules.Decide(Decision.UnmappedAccess).Rule, error);
        return false;
    }
}
