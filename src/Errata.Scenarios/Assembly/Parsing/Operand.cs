using Errata.Scenarios.Assembly.Expressions;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>An operand as written, with its columns in the line.</summary>
internal abstract class Operand(int column, int length)
{
    public int Column { get; } = column;
    public int Length { get; } = length;

    /// <summary>Whether its value depends on where labels land (label or <c>$</c> in it).</summary>
    public abstract bool UsesAddresses { get; }
}

internal sealed class RegisterOperand(int column, int length, Register register) : Operand(column, length)
{
    public Register Register { get; } = register;
    public override bool UsesAddresses => false;
}

/// <summary>
/// <c>[base + index*scale + displacement]</c>, or <c>[rel expr]</c> for RIP-relative. Size is
/// the size keyword in bytes, 0 when none was written.
/// </summary>
internal sealed class MemoryReference(int column, int length) : Operand(column, length)
{
    public int Size { get; init; }
    public Register Segment { get; init; }
    public Register Base { get; init; }
    public Register Index { get; init; }
    public int Scale { get; init; } = 1;
    public Expr? Displacement { get; init; }
    public bool IsRelative { get; init; }
    public override bool UsesAddresses => Displacement?.UsesAddresses ?? false;
}

internal enum JumpDistance : byte
{
    Any,
    Short,
    Near,
}

/// <summary>A number, label or expression: an immediate, or a branch target.</summary>
internal sealed class ImmediateOperand(int column, int length, Expr value, JumpDistance distance) : Operand(column, length)
{
    public Expr Value { get; } = value;
    public JumpDistance Distance { get; } = distance;
    public override bool UsesAddresses => Value.UsesAddresses;
}
