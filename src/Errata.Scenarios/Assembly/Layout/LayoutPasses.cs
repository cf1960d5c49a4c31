using Errata.Diagnostics;
using Errata.Scenarios.Assembly.Encoding;
using Errata.Scenarios.Assembly.Parsing;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>
/// Places every statement: sections one after another, each aligned, and repeats while a
/// label moved, because encodings chosen from label values (short jumps, imm8, imm32)
/// change sizes and so move later labels. Instructions whose operands use no address are
/// chosen once. After the first few passes jumps only grow, so the passes settle;
/// MaxPasses bounds the rare expression that flips a size back and forth.
/// </summary>
internal static class LayoutPasses
{
    private const int MaxPasses = 16;
    private const int PassesJumpsMayShrink = 4;

    public static void Run(List<PlacedSection> sections, ulong baseAddress, InstructionSelector selector, LabelTable labels, List<Diagnostic> diagnostics)
    {
        var resized = new List<InstructionStatement>();
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            resized.Clear();
            selector.JumpsOnlyGrow = pass >= PassesJumpsMayShrink;
            bool moved = Pass(sections, baseAddress, selector, labels, firstPass: pass == 0, resized);
            if (!moved && pass > 0)
            {
                ReportSelectionErrors(sections, diagnostics);
                return;
            }
        }
        foreach (var statement in resized)
            diagnostics.Add(AssemblerErrors.LayoutDoesNotSettle.At(statement.Line.At(statement.Column, statement.Length), statement.Text));
    }

    private static bool Pass(List<PlacedSection> sections, ulong baseAddress, InstructionSelector selector, LabelTable labels,
        bool firstPass, List<InstructionStatement> resized)
    {
        bool moved = false;
        ulong address = baseAddress;
        foreach (var placed in sections)
        {
            address = Align(address, placed.Section.Alignment);
            placed.Start = address;
            foreach (var statement in placed.Statements)
            {
                statement.Address = address;
                labels.CurrentAddress = address;
                switch (statement)
                {
                    case LabelStatement label:
                        moved |= labels.Place(label.Name, address);
                        break;
                    case InstructionStatement instruction:
                        if (firstPass || instruction.UsesAddresses)
                        {
                            int before = instruction.Selection.Length;
                            instruction.Selection = selector.Select(instruction, labels);
                            if (!firstPass && instruction.Selection.Length != before) resized.Add(instruction);
                        }
                        address += (ulong)instruction.Selection.Length;
                        break;
                    case DataStatement data:
                        address += (ulong)data.Size;
                        break;
                }
            }
        }
        return moved;
    }

    private static void ReportSelectionErrors(List<PlacedSection> sections, List<Diagnostic> diagnostics)
    {
        foreach (var section in sections)
            foreach (var statement in section.Statements)
                if (statement is InstructionStatement { Selection.Error: { } error, UsesUndefinedLabel: false })
                    diagnostics.Add(error);
    }

    public static ulong Align(ulong address, int alignment) =>
        alignment <= 1 ? address : (address + (ulong)alignment - 1) / (ulong)alignment * (ulong)alignment;
}
