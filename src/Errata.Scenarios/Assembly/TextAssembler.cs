namespace Errata.Scenarios.Assembly;

/// <summary>NASM-style Intel syntax to bytes, on Iced's encoder.</summary>
public static class TextAssembler
{
    public static AssemblyResult Assemble(IReadOnlyList<AsmSection> sections, ulong baseAddress) =>
        throw new NotImplementedException();

    /// <summary>The one place instructions are formatted for pages and traces.</summary>
    public static string Format(Iced.Intel.Instruction instruction) => throw new NotImplementedException();
}
