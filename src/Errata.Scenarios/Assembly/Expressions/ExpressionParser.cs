using Errata.Scenarios.Assembly.Lexing;
using Errata.Scenarios.Assembly.Parsing;

namespace Errata.Scenarios.Assembly.Expressions;

/// <summary>
/// Precedence climbing over NASM's operators, loosest first: <c>|</c>, <c>&amp;</c>,
/// <c>&lt;&lt; &gt;&gt;</c>, <c>+ -</c>, <c>*</c>, then unary <c>- + ~</c>.
/// Returns null after reporting the first error.
/// </summary>
internal static class ExpressionParser
{
    /// <summary>Deeper nesting is reported rather than allowed to exhaust the stack.</summary>
    private const int MaxDepth = 64;

    private static readonly TokenKind[][] Levels =
    [
        [TokenKind.Pipe],
        [TokenKind.Ampersand],
        [TokenKind.ShiftLeft, TokenKind.ShiftRight],
        [TokenKind.Plus, TokenKind.Minus],
        [TokenKind.Star],
    ];

    public static Expr? Parse(LineCursor cursor) => ParseLevel(cursor, 0, 0);

    private static Expr? ParseLevel(LineCursor cursor, int level, int depth)
    {
        if (level == Levels.Length) return ParseUnary(cursor, depth);
        var left = ParseLevel(cursor, level + 1, depth);
        while (left is not null && Array.IndexOf(Levels[level], cursor.Peek.Kind) >= 0)
        {
            var op = cursor.Next().Kind;
            var right = ParseLevel(cursor, level + 1, depth);
            left = right is null ? null : new BinaryExpr(op, left, right);
        }
        return left;
    }

    private static Expr? ParseUnary(LineCursor cursor, int depth)
    {
        var t = cursor.Peek;
        if (depth > MaxDepth)
        {
            cursor.Unexpected(t, $"an expression nested at most {MaxDepth} deep");
            return null;
        }
        if (t.Kind is TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde)
        {
            cursor.Next();
            var operand = ParseUnary(cursor, depth + 1);
            return operand is null ? null : new UnaryExpr(t.Column, operand.Column + operand.Length - t.Column, t.Kind, operand);
        }
        return ParsePrimary(cursor, depth);
    }

    private static Expr? ParsePrimary(LineCursor cursor, int depth)
    {
        var t = cursor.Next();
        switch (t.Kind)
        {
            case TokenKind.Number:
                return new NumberExpr(t.Column, t.Length, t.Number);
            case TokenKind.Dollar:
                return new HereExpr(t.Column, t.Length);
            case TokenKind.String:
                return CharacterConstant(cursor, t);
            case TokenKind.Identifier:
                if (Registers.TryGet(t.Text, out var register))
                    return new RegisterExpr(t.Column, t.Length, register);
                if (Registers.LooksLikeRegister(t.Text))
                {
                    cursor.Error(AssemblerErrors.InvalidOperand, t.Column, t.Length, t.Text);
                    return null;
                }
                var label = new LabelExpr(t.Column, t.Length, cursor.FullLabelName(t.Text));
                cursor.LabelUses.Add(label);
                return label;
            case TokenKind.LeftParen:
                var inner = ParseLevel(cursor, 0, depth + 1);
                if (inner is null) return null;
                var close = cursor.Next();
                if (close.Kind == TokenKind.RightParen) return inner;
                cursor.Unexpected(close, "')'");
                return null;
            default:
                cursor.Unexpected(t, "a number, a label, '$' or '('");
                return null;
        }
    }

    /// <summary>NASM's character constant: up to eight characters, little-endian.</summary>
    private static Expr? CharacterConstant(LineCursor cursor, AsmToken t)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(t.Text);
        if (bytes.Length is 0 or > 8)
        {
            cursor.Unexpected(t, "a character constant of 1 to 8 bytes");
            return null;
        }
        ulong value = 0;
        for (int i = bytes.Length - 1; i >= 0; i--)
            value = (value << 8) | bytes[i];
        return new NumberExpr(t.Column, t.Length, value);
    }
}
