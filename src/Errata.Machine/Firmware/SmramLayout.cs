using Errata.Machine.Core;

namespace Errata.Machine.Firmware;

/// <summary>
/// Where SMM entry keeps the interrupted state: the AMD64 state-save area at SMBASE + FE00h
/// (APM Vol. 2 10.2.3, Table 10-2; the same offsets as KVM's struct kvm_smram_state_64).
/// SMBASE is placed so the area falls in memory the machine keeps for itself; the machine
/// runs the SMI handler as 64-bit code and not at SMBASE + 8000h, since it executes nothing else.
/// </summary>
internal static class SmramLayout
{
    public const ulong SmBase = 0x450000;
    public const ulong SaveArea = SmBase + 0xFE00;
    public const ulong Size = 0x200;

    /// <summary>The AMD64 state-save format revision with SMBASE relocation (APM Vol. 2 10.2.3).</summary>
    public const uint Revision = 0x30064;

    // Offsets from SaveArea: six 16-byte segment entries (selector first) from ES, then the rest.
    public const ulong Segments = 0x00, EferOffset = 0xD0, SvmGuestFlag = 0xD8, SvmGuestVmcb = 0xE0;
    public const ulong RevisionOffset = 0xFC, SmBaseOffset = 0x100;
    public const ulong Cr4Offset = 0x148, Cr3Offset = 0x150, Cr0Offset = 0x158, Dr7Offset = 0x160, Dr6Offset = 0x168;
    public const ulong RflagsOffset = 0x170, RipOffset = 0x178, Gprs = 0x180; // R15 first, RAX last

    /// <summary>Where general register <paramref name="r"/> (0 = RAX .. 15 = R15) is saved, from SaveArea.</summary>
    public static ulong GprOffset(int r) => Gprs + (ulong)(15 - r) * 8;

    public static bool TryWrite(PhysicalMemory m, SmmSaveState s)
    {
        var ok = true;
        void Put(ulong offset, int size, ulong value) => ok &= m.TryWrite(SaveArea + offset, size, value);
        for (var i = 0; i < 6; i++) Put(Segments + (ulong)i * 16, 2, s.Segment[i]);
        Put(EferOffset, 8, s.Efer);
        Put(SvmGuestFlag, 8, s.GuestVmcb is null ? 0UL : 1UL);
        Put(SvmGuestVmcb, 8, s.GuestVmcb ?? 0);
        Put(RevisionOffset, 4, Revision);
        Put(SmBaseOffset, 4, SmBase);
        Put(Cr4Offset, 8, s.Cr4);
        Put(Cr3Offset, 8, s.Cr3);
        Put(Cr0Offset, 8, s.Cr0);
        Put(Dr7Offset, 8, s.Dr7);
        Put(Dr6Offset, 8, s.Dr6);
        Put(RflagsOffset, 8, s.Rflags);
        Put(RipOffset, 8, s.Rip);
        for (var r = 0; r < 16; r++) Put(GprOffset(r), 8, s.Gpr[r]);
        return ok;
    }

    /// <summary>Reads the area back as RSM does, with whatever the SMI handler wrote into it.</summary>
    public static bool TryRead(PhysicalMemory m, out SmmSaveState state)
    {
        var ok = true;
        ulong Get(ulong offset, int size)
        {
            ok &= m.TryRead(SaveArea + offset, size, out var v);
            return v;
        }
        var segment = new ushort[6];
        for (var i = 0; i < 6; i++) segment[i] = (ushort)Get(Segments + (ulong)i * 16, 2);
        var gpr = new ulong[16];
        for (var r = 0; r < 16; r++) gpr[r] = Get(GprOffset(r), 8);
        var guest = Get(SvmGuestFlag, 8) != 0 ? Get(SvmGuestVmcb, 8) : (ulong?)null;
        state = new SmmSaveState(Get(RipOffset, 8), Get(RflagsOffset, 8), gpr, Get(Cr0Offset, 8), Get(Cr3Offset, 8),
            Get(Cr4Offset, 8), Get(EferOffset, 8), Get(Dr6Offset, 8), Get(Dr7Offset, 8), segment, guest);
        return ok;
    }
}
