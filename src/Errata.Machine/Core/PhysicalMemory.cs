using System.Buffers.Binary;

namespace Errata.Machine.Core;

/// <summary>
/// The scenario's identity-mapped memory, ScenarioBase..ScenarioLimit. Accesses report
/// failure as a value; the processor turns a failure into #PF.
/// </summary>
internal sealed class PhysicalMemory
{
    public const ulong Base = MemoryMap.ScenarioBase;
    public const ulong Size = MemoryMap.ScenarioLimit - MemoryMap.ScenarioBase;

    public readonly byte[] Bytes = new byte[Size];

    public bool Contains(ulong address, int size) => address - Base <= Size - (ulong)size;

    public bool TryRead(ulong address, int size, out ulong value)
    {
        var off = address - Base;
        if (off > Size - (ulong)size) { value = 0; return false; }
        var span = Bytes.AsSpan((int)off, size);
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
        var span = Bytes.AsSpan((int)off, size);
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

    public void Load(ulong address, ReadOnlySpan<byte> bytes) =>
        bytes.CopyTo(Bytes.AsSpan((int)(address - Base)));
}
