using System.Buffers.Binary;

namespace Errata.Qemu.Image;

/// <summary>The file being built: the physical bytes from <see cref="QemuLayout.LoadBase"/>, addressed physically.</summary>
internal sealed class ImageBytes
{
    public readonly byte[] Bytes = new byte[QemuLayout.FileLimit - QemuLayout.LoadBase];

    public bool Contains(ulong address, int length) =>
        address >= QemuLayout.LoadBase && address + (ulong)length <= QemuLayout.FileLimit;

    public Span<byte> At(ulong address, int length) => Bytes.AsSpan((int)(address - QemuLayout.LoadBase), length);

    public byte? ByteAt(ulong address) => Contains(address, 1) ? Bytes[address - QemuLayout.LoadBase] : null;

    public void Put(ulong address, ReadOnlySpan<byte> bytes) => bytes.CopyTo(At(address, bytes.Length));

    public void Qword(ulong address, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(At(address, 8), value);

    public void Dword(ulong address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(At(address, 4), value);

    public void Word(ulong address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(At(address, 2), value);
}
