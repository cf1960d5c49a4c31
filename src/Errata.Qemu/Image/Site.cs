using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Qemu.Image;

/// <summary>
/// An address the image patches with INT3 so the firmware takes control there: the scenario's
/// `hlt` (the run's end), the addresses of its injections, and the instruction after each VMRUN
/// (where the host resumes after #VMEXIT). <see cref="Original"/> is the byte the patch replaced,
/// put back the first time the site is reached unless it is a `hlt`: so injections fire, and a
/// #VMEXIT is seen, once per site.
/// </summary>
internal sealed record Site(ulong Address, byte Original, bool Halts, IReadOnlyList<EventId> Injections, bool AfterVmrun)
{
    public const byte Int3 = 0xCC;
    private const byte Hlt = 0xF4;
    private static readonly byte[] Vmrun = [0x0F, 0x01, 0xD8];

    /// <summary>The sites of an image: every one-byte HLT the assembler emitted, every injection's address, every instruction after a VMRUN.</summary>
    public static IReadOnlyList<Site> Find(MachineImage image, Func<ulong, byte?> readByte)
    {
        var starts = image.Instructions.Select(i => i.Address).ToHashSet();
        var halts = image.Instructions
            .Where(i => i.Length == 1 && readByte(i.Address) == Hlt)
            .Select(i => i.Address)
            .ToHashSet();
        var afterVmrun = image.Instructions
            .Where(i => i.Length == Vmrun.Length && Enumerable.Range(0, Vmrun.Length).All(k => readByte(i.Address + (ulong)k) == Vmrun[k]))
            .Select(i => i.Address + (ulong)i.Length)
            .Where(starts.Contains)
            .ToHashSet();
        var injections = image.Injections.ToLookup(i => i.Address, i => i.Event);
        return halts.Concat(injections.Select(g => g.Key)).Concat(afterVmrun).Distinct().Order()
            .Select(a => new Site(a, readByte(a) ?? 0, halts.Contains(a), injections[a].ToArray(), afterVmrun.Contains(a)))
            .ToArray();
    }
}
