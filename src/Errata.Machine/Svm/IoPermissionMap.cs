using Errata.Machine.Core;

namespace Errata.Machine.Svm;

/// <summary>
/// The I/O permissions map a VMCB with the IOIO_PROT intercept points to (APM Vol. 2 15.10.1):
/// 12 KiB, one bit per port; an access of n bytes at port p exits when any of the bits p..p+n-1
/// is set, which is why the map runs past port 0xFFFF.
/// </summary>
internal abstract class IoPermissionMap
{
    public const int Bytes = 12 * 1024;

    public abstract bool Intercepts(ushort port, int size);

    /// <summary>A map with every bit set: every port of every size exits.</summary>
    public static readonly IoPermissionMap AllPorts = new Filled();

    /// <summary>The map at <paramref name="basePa"/> in memory, read at each access as the processor does.</summary>
    public static IoPermissionMap InMemory(PhysicalMemory memory, ulong basePa) => new Mapped(memory, basePa);

    private sealed class Filled : IoPermissionMap
    {
        public override bool Intercepts(ushort port, int size) => true;
    }

    private sealed class Mapped(PhysicalMemory memory, ulong basePa) : IoPermissionMap
    {
        public override bool Intercepts(ushort port, int size)
        {
            for (var bit = (int)port; bit < port + size; bit++)
            {
                // A byte outside the scenario's memory reads as all ones, like an absent bus target.
                var set = !memory.TryRead(basePa + (ulong)(bit >> 3), 1, out var b) || ((b >> (bit & 7)) & 1) != 0;
                if (set) return true;
            }
            return false;
        }
    }
}
