using System.Buffers.Binary;
using Errata.Machine;

namespace Errata.Qemu.Image;

/// <summary>
/// The VMCB the built-in machine writes for the guest, plus what a real processor needs that the
/// built-in machine does not read: the guest's GDTR and IDTR, which are the host's (the built-in
/// machine delivers a guest's events through the one IDT it has).
/// </summary>
internal static class GuestVmcb
{
    // VMCB state-save area (APM Vol. 2 Appendix B, Table B-2): GDTR at 0x460, IDTR at 0x480 (limit +4, base +8).
    private const int GdtrLimit = 0x400 + 0x64, GdtrBase = 0x400 + 0x68, IdtrLimit = 0x400 + 0x84, IdtrBase = 0x400 + 0x88;

    public static byte[] Page(ulong guestEntry, IReadOnlyDictionary<string, ulong> keys)
    {
        var page = MachineStart.VmcbPage(guestEntry, keys);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(GdtrLimit), SystemTables.GdtLimit);
        BinaryPrimitives.WriteUInt64LittleEndian(page.AsSpan(GdtrBase), QemuLayout.Gdt);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(IdtrLimit), 256 * 16 - 1);
        BinaryPrimitives.WriteUInt64LittleEndian(page.AsSpan(IdtrBase), MachineStart.Idt);
        return page;
    }
}
