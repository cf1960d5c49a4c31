using Errata.Machine.Execution;

namespace Errata.Machine;

/// <summary>The explicit list of instructions the machine executes; the assembler rejects the rest.</summary>
public static class SupportedInstructions
{
    public static bool IsSupported(Iced.Intel.Code code) =>
        (uint)code < (uint)HandlerTable.Supported.Length && HandlerTable.Supported[(int)code];
}
