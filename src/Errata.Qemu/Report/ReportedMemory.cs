using System.Buffers.Binary;
using Errata.Qemu.Image;

namespace Errata.Qemu.Report;

/// <summary>The memory the firmware dumped at the end, with the bytes the image patched at its sites put back.</summary>
internal sealed class ReportedMemory
{
    private readonly List<(ulong Start, byte[] Bytes)> _ranges = [];

    public void Add(ReportRecord record)
    {
        if (record.Words.Length < 2 || (ulong)record.Words.Length != 2 + record.Words[1]) return;
        var bytes = new byte[record.Words[1] * 8];
        for (var i = 0; i < (int)record.Words[1]; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), record.Words[2 + i]);
        _ranges.Add((record.Words[0], bytes));
    }

    public void Restore(IEnumerable<Site> sites)
    {
        foreach (var site in sites)
        foreach (var (start, bytes) in _ranges)
            if (site.Address >= start && site.Address < start + (ulong)bytes.Length && bytes[site.Address - start] == Site.Int3)
                bytes[site.Address - start] = site.Original;
    }

    /// <summary>A qword of what was dumped last (before an INIT, then at the end), or null where nothing was.</summary>
    public ulong? TryReadQword(ulong address)
    {
        foreach (var (start, bytes) in Enumerable.Reverse(_ranges))
            if (address >= start && address + 8 <= start + (ulong)bytes.Length)
                return BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)(address - start)));
        return null;
    }
}
