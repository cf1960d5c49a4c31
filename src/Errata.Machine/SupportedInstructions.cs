namespace Errata.Machine;

/// <summary>The explicit list of instructions the machine executes; the assembler rejects the rest.</summary>
public static class SupportedInstructions
{
    public static bool IsSupported(Iced.Intel.Code code) => throw new NotImplementedException();
}
