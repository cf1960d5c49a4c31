using Errata.Diagnostics;

namespace Errata.Scenarios.Assembly;

/// <summary>The assembler's diagnostics. Ids are stable; a retired id stays here as a comment.</summary>
public static class AssemblerErrors
{
    private const DiagnosticCategory Category = DiagnosticCategory.Assembler;

    public static readonly DiagnosticDescriptor UnknownMnemonic =
        new("ERR0301", Category, Severity.Error, "unknown mnemonic '{0}'; expected an instruction, a prefix or a data directive (db dw dd dq)");
    public static readonly DiagnosticDescriptor InvalidOperand =
        new("ERR0302", Category, Severity.Error, "invalid operand '{0}': expected a register, a number, a label or a memory operand");
    public static readonly DiagnosticDescriptor DuplicateLabel =
        new("ERR0303", Category, Severity.Error, "label '{0}' is defined twice (first at line {1})");
    public static readonly DiagnosticDescriptor UndefinedLabel =
        new("ERR0304", Category, Severity.Error, "undefined label '{0}'; expected a label defined in the scenario's code");
    public static readonly DiagnosticDescriptor UnsupportedInstruction =
        new("ERR0305", Category, Severity.Error, "instruction '{0}' is not supported by the machine");
    public static readonly DiagnosticDescriptor NoMatchingForm =
        new("ERR0306", Category, Severity.Error, "invalid operands for '{0}': '{1}' matches no form of the instruction");
    public static readonly DiagnosticDescriptor OperationSizeNotSpecified =
        new("ERR0307", Category, Severity.Error, "operation size not specified for '{0}': expected byte, word, dword or qword before the memory operand");
    // ERR0308 retired: a control character is TextErrors.ControlCharacter (ERR0103) wherever it is.
    public static readonly DiagnosticDescriptor UnexpectedToken =
        new("ERR0309", Category, Severity.Error, "unexpected '{0}': expected {1}");
    public static readonly DiagnosticDescriptor InvalidNumber =
        new("ERR0310", Category, Severity.Error, "invalid number '{0}': expected decimal, 0x.., ..h or 0b.. digits that fit in 64 bits");
    public static readonly DiagnosticDescriptor ValueOutOfRange =
        new("ERR0311", Category, Severity.Error, "value 0x{0:X} of '{1}' does not fit in {2}");
    public static readonly DiagnosticDescriptor ShortJumpOutOfRange =
        new("ERR0312", Category, Severity.Error, "short jump to '{0}' is out of range: expected a target within -128..127 bytes");
    public static readonly DiagnosticDescriptor InvalidMemoryOperand =
        new("ERR0313", Category, Severity.Error, "invalid memory operand '{0}': {1}");
    public static readonly DiagnosticDescriptor CannotEncode =
        new("ERR0314", Category, Severity.Error, "cannot encode '{0}': {1}");
    public static readonly DiagnosticDescriptor LayoutDoesNotSettle =
        new("ERR0315", Category, Severity.Error, "the size of '{0}' keeps changing with the label values it uses; expected a layout that settles");
    public static readonly DiagnosticDescriptor RegisterAsLabel =
        new("ERR0316", Category, Severity.Error, "'{0}' is a register; expected a label name");
    public static readonly DiagnosticDescriptor UnterminatedString =
        new("ERR0317", Category, Severity.Error, "unterminated string {0}: expected a closing {1}");
}
