using Errata.Scenarios.Assembly.Lexing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Expressions;

/// <summary>
/// A constant expression as written, with its columns in the line. Values are 64-bit and
/// wrap, as in NASM. Registers appear only inside memory operands, where the operand
/// parser takes them out again.
/// </summary>
internal abstract class Expr(int column, int length)
{
    public int Column { get; } = column;
    public int Length { get; } = length;

    /// <summary>True when the value depends on where things are placed (a label or <c>$</c>).</summary>
    public abstract bool UsesAddresses { get; }
    public abstract bool ContainsRegister { get; }
}

internal sealed class NumberExpr(int column, int length, ulong value) : Expr(column, length)
{
    public ulong Value { get; } = value;
    public override bool UsesAddresses => false;
    public override bool ContainsRegister => false;
}

internal sealed class LabelExpr(int column, int length, string name) : Expr(column, length)
{
    public string Name { get; } = name;
    public override bool UsesAddresses => true;
    public override bool ContainsRegister => false;
}

/// <summary>NASM's <c>$</c>: the address of the current line.</summary>
internal sealed class HereExpr(int column, int length) : Expr(column, length)
{
    public override bool UsesAddresses => true;
    public override bool ContainsRegister => false;
}

internal sealed class RegisterExpr(int column, int length, Register register) : Expr(column, length)
{
    public Register Register { get; } = register;
    public override bool UsesAddresses => false;
    public override bool ContainsRegister => true;
}

internal sealed class UnaryExpr(int column, int length, TokenKind op, Expr operand) : Expr(column, length)
{
    public TokenKind Op { get; } = op;
    public Expr Operand { get; } = operand;
    public override bool UsesAddresses => Operand.UsesAddresses;
    public override bool ContainsRegister => Operand.ContainsRegister;
}

internal sealed class BinaryExpr(TokenKind op, Expr left, Expr right)
    : Expr(left.Column, right.Column + right.Length - left.Column)
{
    public TokenKind Op { get; } = op;
    public Expr Left { get; } = left;
    public Expr Right { get; } = right;
    public override bool UsesAddresses => Left.UsesAddresses || Right.UsesAddresses;
    public override bool ContainsRegister => Left.ContainsRegister || Right.ContainsRegister;
}
