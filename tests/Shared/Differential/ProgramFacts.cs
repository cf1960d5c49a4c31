using Errata.Machine;
using Iced.Intel;

namespace Errata.Testing.Differential;

/// <summary>What a known divergence asks about a program: its instructions, decoded from the image, and its injection sites.</summary>
internal sealed class ProgramFacts(MachineImage image)
{
    /// <summary>The instruction that starts at <paramref name="address"/>, if the assembler put one there.</summary>
    public Instruction? At(ulong address)
    {
        if (!image.Instructions.Any(i => i.Address == address)) return null;
        var block = image.Memory.First(b => address >= b.Address && address < b.Address + (ulong)b.Bytes.Length);
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(block.Bytes, (int)(address - block.Address), block.Bytes.Length - (int)(address - block.Address)));
        decoder.IP = address;
        return decoder.Decode();
    }

    /// <summary>The instruction that ends at <paramref name="address"/> (a trap's instruction, when <paramref name="address"/> is its return RIP).</summary>
    public Instruction? EndingAt(ulong? address) =>
        image.Instructions.Where(i => i.Address + (ulong)i.Length == address).Select(i => At(i.Address)).FirstOrDefault();

    public IEnumerable<Instruction> InjectionSites => image.Injections.Select(i => At(i.Address)).OfType<Instruction>();

    public static bool OpensShadow(Instruction i) =>
        i.Mnemonic == Mnemonic.Sti || (i.Mnemonic == Mnemonic.Mov && i.Op0Kind == OpKind.Register && i.Op0Register == Register.SS);

    public static bool WritesMemory(Instruction i) => i.Mnemonic == Mnemonic.Mov && i.Op0Kind == OpKind.Memory;
}
