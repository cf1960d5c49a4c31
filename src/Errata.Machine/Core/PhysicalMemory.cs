using System.Buffers.Binary;

namespace Errata.Machine.Core;

/// <summary>
/// The scenario's identity-mapped memory, ScenarioBase..ScenarioLimit. Accesses report
/// failure as a value; the processor turns a failure into #PF. Pages are allocated when first
/// written and read as zeros until then: a run touches a few of them, and allocating and
/// clearing the whole memory for each of thousands of runs cost more than running them.
/// </summary>
internal sealed class PhysicalMemory
{
    public const ulong Base = MemoryMap.ScenarioBase;
    public const ulong Size = MemoryMap.ScenarioLimit - MemoryMap.ScenarioBase;

    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;
    private const int PageMask = PageSize - 1;

    private readonly byte[]?[] _pages = new byte[]?[Size >> PageShift];

    public bool Contains(ulong address, int size) => address - Base <= Size - (ulong)size;

    public bool TryRead(ulong address, int size, out ulong value)
    {
        var off = address - Base;
        if (off > Size - (ulong)size) { value = 0; return false; }
        var o = (int)off;
        var inPage = o & PageMask;
        if (inPage + size > PageSize)
        {
            // Across a page boundary: byte by byte, little-endian.
            value = 0;
            for (var i = size - 1; i >= 0; i--) value = (value << 8) | ByteAt(o + i);
            return true;
        }
        if (_pages[o >> PageShift] is not { } page) { value = 0; return true; }
        var span = page.AsSpan(inPage, size);
        value = size switch
        {
            1 => span[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(span),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(span),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(span),
        };
        return true;
    }

    public bool TryWrite(ulong address, int size, ulong value)
    {
        var off = address - Base;
        if (off > Size - (ulong)size) return false;
        var o = (int)off;
        var inPage = o & PageMask;
        if (inPage + size > PageSize)
        {
            for (var i = 0; i < size; i++) PageFor(o + i)[(o + i) & PageMask] = (byte)(value >> (8 * i));
            return true;
        }
        var span = PageFor(o).AsSpan(inPage, size);
        switch (size)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(span, value); break;
        }
        return true;
    }

    public ulong? TryReadQword(ulong address) => TryRead(address, 8, out var v) ? v : null;

    /// <summary>The byte at <paramref name="offset"/> from <see cref="Base"/>, which must lie inside the memory.</summary>
    public byte ByteAt(int offset) => _pages[offset >> PageShift] is { } page ? page[offset & PageMask] : (byte)0;

    public void Load(ulong address, ReadOnlySpan<byte> bytes)
    {
        var o = (int)(address - Base);
        if ((ulong)o + (ulong)bytes.Length > Size) throw new ArgumentOutOfRangeException(nameof(address));
        while (!bytes.IsEmpty)
        {
            var n = Math.Min(bytes.Length, PageSize - (o & PageMask));
            bytes[..n].CopyTo(PageFor(o).AsSpan(o & PageMask));
            bytes = bytes[n..];
            o += n;
        }
    }

    /// <summary>A copy of <paramref name="length"/> bytes from <paramref name="address"/>, which must lie inside the memory.</summary>
    public byte[] Copy(ulong address, int length)
    {
        var o = (int)(address - Base);
        var result = new byte[length];
        for (var i = 0; i < length; i++) result[i] = ByteAt(o + i);
        return result;
    }

    private byte[] PageFor(int offset) => _pages[offset >> PageShift] ??= new byte[PageSize];
}
