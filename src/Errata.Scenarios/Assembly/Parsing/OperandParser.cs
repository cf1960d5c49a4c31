using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Lexing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>
/// Parses one operand: a register, a memory operand with an optional size keyword, or an
/// expression with an optional <c>short</c>/<c>near</c>. Returns null after reporting.
/// </summary>
internal static class OperandParser
{
    public static Operand? Parse(LineCursor cursor)
    {
        var first = cursor.Peek;
        int size = SizeKeyword(cursor.Peek);
        if (size != 0) cursor.Next();

        if (cursor.Peek.Kind == TokenKind.LeftBracket)
            return MemoryReferenceParser.Parse(cursor, first.Column, size);
        if (size != 0)
        {
            cursor.Unexpected(cursor.Peek, $"a memory operand in [ ] after '{cursor.TextOf(first)}'");
            return null;
        }

        var distance = cursor.PeekKeyword("short") ? JumpDistance.Short
            : cursor.PeekKeyword("near") ? JumpDistance.Near
            : JumpDistance.Any;
        if (distance != JumpDistance.Any) cursor.Next();

        var t = cursor.Peek;
        if (distance == JumpDistance.Any && t.Kind == TokenKind.Identifier && IsOperandEnd(cursor.PeekAhead(1))
            && Registers.TryGet(t.Text, out var register))
        {
            cursor.Next();
            return new RegisterOperand(t.Column, t.Length, register);
        }

        var value = ExpressionParser.Parse(cursor);
        if (value is null) return null;
        var end = cursor.PreviousEnd;
        if (value.ContainsRegister)
        {
            cursor.Error(AssemblerErrors.InvalidOperand, first.Column, end - first.Column, cursor.TextOf(first.Column, end - first.Column));
            return null;
        }
        return new ImmediateOperand(first.Column, end - first.Column, value, distance);
    }

    public static bool IsOperandEnd(AsmToken t) => t.Kind is TokenKind.Comma or TokenKind.End;

    private static readonly Dictionary<string, int> SizeKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["byte"] = 1,
        ["word"] = 2,
        ["dword"] = 4,
        ["qword"] = 8,
    };

    /// <summary>Whether a word is one of the operand keywords: a size, `rel`/`abs`, or a jump's `short`/`near`.</summary>
    public static bool IsKeyword(string word) =>
        SizeKeywords.ContainsKey(word) || word.ToLowerInvariant() is "rel" or "abs" or "short" or "near";

    private static int SizeKeyword(AsmToken t) => t.Kind == TokenKind.Identifier ? SizeKeywords.GetValueOrDefault(t.Text) : 0;
}
