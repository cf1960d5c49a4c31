namespace Errata.Scenarios.Assembly;

/// <summary>NASM-style Intel syntax to bytes, on Iced's encoder.</summary>
public static class TextAssembler
{
    public static AssemblyResult Assemble(IReadOnlyList<AsmSection> sections, ulong baseAddress) =>
        throw new NotImplementedException();
}
