using Iced.Intel;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// One encoding a mnemonic may take, from Iced's opcode tables: the operand kinds the
/// text must supply (implicit string operands left out) and the memory operand's size.
/// </summary>
internal sealed class Candidate
{
    public Candidate(Code code)
    {
        Code = code;
        var info = code.ToOpCode();
        Kinds = Enumerable.Range(0, info.OpCount).Select(info.GetOpKind).ToArray();
        IsString = Kinds.Any(IsStringOperand);
        Explicit = IsString ? [] : Kinds;
        MemorySize = info.MemorySize.GetSize();
        OperandSize = info.OperandSize;
        AddressSize = info.AddressSize;
        IsShortBranch = Kinds.Contains(OpCodeOperandKind.br64_1);
    }

    public Code Code { get; }

    /// <summary>Every operand of the encoding, implicit ones included.</summary>
    public OpCodeOperandKind[] Kinds { get; }

    /// <summary>The operands written in the text, in order.</summary>
    public OpCodeOperandKind[] Explicit { get; }

    /// <summary>A string instruction (movsb, stosq...): NASM writes none of its operands.</summary>
    public bool IsString { get; }

    /// <summary>Memory operand size in bytes; 0 when the form takes any (lea) or none.</summary>
    public int MemorySize { get; }
    public int OperandSize { get; }
    public int AddressSize { get; }
    public bool IsShortBranch { get; }

    public static bool IsStringOperand(OpCodeOperandKind kind) =>
        kind is OpCodeOperandKind.seg_rSI or OpCodeOperandKind.es_rDI or OpCodeOperandKind.seg_rDI;

    public override string ToString() => Code.ToString();
}
