using Errata.Diagnostics;
using Errata.Machine;
using Errata.Scenarios.Assembly.Encoding;
using Errata.Scenarios.Assembly.Layout;
using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;
using IcedEncoder = Iced.Intel.Encoder;

namespace Errata.Scenarios.Assembly;

/// <summary>
/// NASM-style Intel syntax to bytes, on Iced's opcode tables and encoder: parse every line
/// (narrowing each instruction to the forms its operands fit), lay the sections out until
/// labels stop moving, then write the image with Iced's BlockEncoder.
/// </summary>
public static class TextAssembler
{
    [ThreadStatic] private static NasmFormatter? s_formatter;
    [ThreadStatic] private static StringOutput? s_output;

    /// <summary>Assembles for the built-in machine: instructions it does not execute are errors.</summary>
    public static AssemblyResult Assemble(IReadOnlyList<AsmSection> sections, ulong baseAddress) =>
        Assemble(sections, baseAddress, SupportedInstructions.IsSupported);

    /// <summary>Assembles accepting exactly the encodings <paramref name="isSupported"/> allows.</summary>
    public static AssemblyResult Assemble(IReadOnlyList<AsmSection> sections, ulong baseAddress, Func<Code, bool> isSupported)
    {
        var diagnostics = new List<Diagnostic>();
        var parser = new LineParser(isSupported, diagnostics);
        var placed = new List<PlacedSection>(sections.Count);
        foreach (var section in sections)
        {
            if (section.Alignment <= 0 || (section.Alignment & (section.Alignment - 1)) != 0)
                throw new ArgumentException($"section '{section.Name}' has alignment {section.Alignment}; expected a power of two", nameof(sections));
            var statements = new List<Statement>(section.Lines.Count);
            foreach (var line in section.Lines)
                parser.Parse(line, statements);
            placed.Add(new PlacedSection(section, statements));
        }
        var definitions = LabelChecks.Check(placed, diagnostics);

        var labels = new LabelTable();
        var selector = new InstructionSelector(IcedEncoder.Create(64, NullCodeWriter.Instance));
        LayoutPasses.Run(placed, baseAddress, selector, labels, diagnostics);

        var assembled = new List<AssembledInstruction>();
        var image = ImageWriter.Write(placed, baseAddress, labels, assembled, diagnostics);
        var sectionStarts = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var p in placed)
            sectionStarts.TryAdd(p.Section.Name, p.Start);
        return new AssemblyResult(baseAddress, image, definitions.ToDictionary(n => n, n => labels.Addresses[n], StringComparer.Ordinal),
            sectionStarts, assembled, diagnostics) { Placements = Placements(placed) };
    }

    /// <summary>Each line's address and byte count; a line with a label and an instruction is one placement.</summary>
    private static List<LinePlacement> Placements(List<PlacedSection> placed)
    {
        var result = new List<LinePlacement>();
        foreach (var statement in placed.SelectMany(p => p.Statements))
        {
            var length = statement switch
            {
                InstructionStatement { Selection.Error: null } i => i.Selection.Length,
                DataStatement d => d.Size,
                _ => 0,
            };
            if (result.Count > 0 && result[^1].Origin == statement.Line.Origin)
                result[^1] = result[^1] with { Length = result[^1].Length + length };
            else
                result.Add(new LinePlacement(statement.Line.Origin, statement.Address, length));
        }
        return result;
    }

    /// <summary>
    /// One instruction as NASM text (<c>mov rax, 1</c>), the form the assembler reads back;
    /// the single place Iced's formatter is configured, for listings and traces alike.
    /// </summary>
    public static string Format(in Instruction instruction)
    {
        var output = s_output ??= new StringOutput();
        Format(instruction, output);
        return output.ToStringAndReset();
    }

    /// <summary>The same text, written token by token with Iced's text kinds (mnemonic, register, number...), for highlighting.</summary>
    public static void Format(in Instruction instruction, FormatterOutput output)
    {
        var formatter = s_formatter ??= new NasmFormatter { Options = { SpaceAfterOperandSeparator = true } };
        formatter.Format(instruction, output);
    }

    private sealed class NullCodeWriter : CodeWriter
    {
        public static readonly NullCodeWriter Instance = new();
        public override void WriteByte(byte value) { }
    }
}
