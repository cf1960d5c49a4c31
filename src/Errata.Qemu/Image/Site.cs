using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Qemu.Image;

/// <summary>
/// An address the image patches with INT3 so the firmware takes control there: the scenario's
/// `hlt` (the run's end) and the addresses of its injections. <see cref="Original"/> is the byte
/// the patch replaced, put back once the injections fired (a `hlt` is never put back).
/// </summary>
internal sealed record Site(ulong Address, byte Original, bool Halts, IReadOnlyList<EventId> Injections)
{
    public const byte Int3 = 0xCC;
    private const byte Hlt = 0xF4;

    /// <summary>The sites of an image: every one-byte HLT the assembler emitted, and every injection's address.</summary>
    public static IReadOnlyList<Site> Find(MachineImage image, Func<ulong, byte?> readByte)
    {
        var halts = image.Instructions
            .Where(i => i.Length == 1 && readByte(i.Address) == Hlt)
            .Select(i => i.Address)
            .ToHashSet();
        var injections = image.Injections.ToLookup(i => i.Address, i => i.Event);
        return halts.Concat(injections.Select(g => g.Key)).Distinct().Order()
            .Select(a => new Site(a, readByte(a) ?? 0, halts.Contains(a), injections[a].ToArray()))
            .ToArray();
    }
}
