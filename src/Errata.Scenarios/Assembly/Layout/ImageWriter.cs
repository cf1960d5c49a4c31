using Errata.Diagnostics;
using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>
/// Writes the laid-out sections into one image with Iced's BlockEncoder, one block per
/// section at its start address. Branch fixing is off: the layout already chose each
/// jump's size, and the encoder must produce exactly those lengths.
/// </summary>
internal static class ImageWriter
{
    public static byte[] Write(List<PlacedSection> sections, ulong baseAddress, LabelTable labels,
        List<AssembledInstruction> assembled, List<Diagnostic> diagnostics)
    {
        var blocks = new List<InstructionBlock>();
        var writers = new List<(PlacedSection Section, BlockWriter Writer, ulong End)>();
        ulong end = baseAddress;
        foreach (var placed in sections)
        {
            var instructions = new List<Instruction>();
            ulong sectionEnd = placed.Start;
            foreach (var statement in placed.Statements)
            {
                switch (statement)
                {
                    case InstructionStatement { Selection.Error: null } s:
                        var instruction = s.Selection.Instruction;
                        // Iced keeps the next IP, so the length goes first. The code size makes
                        // the formatter write what it writes for decoded 64-bit code (pushf, not pushfq).
                        instruction.Length = s.Selection.Length;
                        instruction.IP = s.Address;
                        instruction.CodeSize = CodeSize.Code64;
                        instructions.Add(instruction);
                        assembled.Add(new AssembledInstruction(s.Address, s.Selection.Length, s.Line, instruction));
                        sectionEnd = s.Address + (ulong)s.Selection.Length;
                        break;
                    case DataStatement data when data.Size > 0:
                        var bytes = DataEncoder.Encode(data, labels, diagnostics);
                        for (int i = 0; i < bytes.Length; i += 16)
                        {
                            // BlockEncoder tells instructions apart by IP, so data chunks get theirs too.
                            int length = Math.Min(16, bytes.Length - i);
                            var chunk = Instruction.CreateDeclareByte(bytes, i, length);
                            chunk.Length = length;
                            chunk.IP = data.Address + (ulong)i;
                            instructions.Add(chunk);
                        }
                        sectionEnd = data.Address + (ulong)data.Size;
                        break;
                }
            }
            if (instructions.Count == 0) continue;
            end = sectionEnd;
            var writer = new BlockWriter();
            writers.Add((placed, writer, sectionEnd));
            blocks.Add(new InstructionBlock(writer, instructions, placed.Start));
        }

        var image = new byte[end - baseAddress];
        if (blocks.Count == 0) return image;
        if (!BlockEncoder.TryEncode(64, blocks.ToArray(), out var error, out _, BlockEncoderOptions.DontFixBranches))
            throw new InvalidOperationException($"the layout chose encodings Iced cannot write: {error}");
        foreach (var (placed, writer, sectionEnd) in writers)
        {
            if ((ulong)writer.Bytes.Length != sectionEnd - placed.Start)
                throw new InvalidOperationException($"section '{placed.Section.Name}' encoded to {writer.Bytes.Length} bytes, the layout planned {sectionEnd - placed.Start}");
            writer.Bytes.CopyTo(image.AsSpan((int)(placed.Start - baseAddress)));
        }
        return image;
    }

    private sealed class BlockWriter : CodeWriter
    {
        private readonly List<byte> _bytes = [];
        public ReadOnlySpan<byte> Bytes => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes);
        public override void WriteByte(byte value) => _bytes.Add(value);
    }
}
