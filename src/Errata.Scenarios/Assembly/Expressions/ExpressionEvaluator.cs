using Errata.Scenarios.Assembly.Lexing;

namespace Errata.Scenarios.Assembly.Expressions;

/// <summary>Computes a register-free expression with 64-bit wrapping arithmetic.</summary>
internal static class ExpressionEvaluator
{
    public static ulong Evaluate(Expr expr, ISymbolValues symbols) => expr switch
    {
        NumberExpr n => n.Value,
        LabelExpr l => symbols.LabelAddress(l.Name),
        HereExpr => symbols.CurrentAddress,
        UnaryExpr u => Unary(u.Op, Evaluate(u.Operand, symbols)),
        BinaryExpr b => Binary(b.Op, Evaluate(b.Left, symbols), Evaluate(b.Right, symbols)),
        _ => throw new InvalidOperationException($"{expr.GetType().Name} has no value; the parser keeps registers out of expressions"),
    };

    private static ulong Unary(TokenKind op, ulong v) => op switch
    {
        TokenKind.Minus => 0 - v,
        TokenKind.Tilde => ~v,
        _ => v,
    };

    private static ulong Binary(TokenKind op, ulong l, ulong r) => op switch
    {
        TokenKind.Plus => l + r,
        TokenKind.Minus => l - r,
        TokenKind.Star => l * r,
        TokenKind.ShiftLeft => r >= 64 ? 0 : l << (int)r,
        TokenKind.ShiftRight => r >= 64 ? 0 : l >> (int)r,
        TokenKind.Pipe => l | r,
        TokenKind.Ampersand => l & r,
        _ => throw new InvalidOperationException($"no binary operator {op}"),
    };
}
