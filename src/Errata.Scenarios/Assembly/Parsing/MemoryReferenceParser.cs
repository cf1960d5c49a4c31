using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Lexing;
using Iced.Intel;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>
/// Parses <c>[seg: rel base + index*scale + disp]</c>: the inside is read as one expression
/// with registers allowed, then taken apart into registers and the constant remainder,
/// so any order NASM accepts (<c>[8+rbx*4+rax]</c>) works.
/// </summary>
internal static class MemoryReferenceParser
{
    public static MemoryReference? Parse(LineCursor cursor, int column, int size)
    {
        var open = cursor.Next();
        bool relative = false;
        if (cursor.PeekKeyword("rel") || cursor.PeekKeyword("abs"))
            relative = cursor.Next().Text.Equals("rel", StringComparison.OrdinalIgnoreCase);

        var segment = Register.None;
        if (cursor.Peek.Kind == TokenKind.Identifier && cursor.PeekAhead(1).Kind == TokenKind.Colon
            && Registers.TryGet(cursor.Peek.Text, out var s) && s.IsSegmentRegister())
        {
            segment = s;
            cursor.Next();
            cursor.Next();
        }

        var inside = ExpressionParser.Parse(cursor);
        if (inside is null) return null;
        var close = cursor.Next();
        if (close.Kind != TokenKind.RightBracket)
        {
            cursor.Unexpected(close, "']' to close the memory operand");
            return null;
        }
        int length = close.End - column;
        var parts = new Parts();
        if (!parts.Add(inside, negative: false, out var problem))
            return Invalid(cursor, column, length, problem);
        if (parts.Index == Register.RSP || parts.Index == Register.ESP)
        {
            if (parts.Scale != 1 || parts.Base is Register.RSP or Register.ESP)
                return Invalid(cursor, column, length, "rsp cannot be an index register");
            (parts.Base, parts.Index) = (parts.Index, parts.Base);
        }
        if (parts.Base != Register.None && parts.Index != Register.None && parts.Base.IsGPR64() != parts.Index.IsGPR64())
            return Invalid(cursor, column, length, "base and index must both be 64-bit or both 32-bit registers");
        if (relative && (parts.Base != Register.None || parts.Index != Register.None))
            return Invalid(cursor, column, length, "'rel' takes a label or an address, without registers");

        return new MemoryReference(column, length)
        {
            Size = size,
            Segment = segment,
            Base = parts.Base,
            Index = parts.Index,
            Scale = parts.Scale,
            Displacement = parts.Displacement,
            IsRelative = relative,
        };
    }

    private static MemoryReference? Invalid(LineCursor cursor, int column, int length, string problem)
    {
        cursor.Error(AssemblerErrors.InvalidMemoryOperand, column, length, cursor.TextOf(column, length), problem);
        return null;
    }

    /// <summary>Sorts the terms of a sum into base, index*scale and displacement.</summary>
    private sealed class Parts
    {
        public Register Base;
        public Register Index;
        public int Scale = 1;
        public Expr? Displacement;

        public bool Add(Expr e, bool negative, out string problem)
        {
            problem = "";
            if (e is BinaryExpr { Op: TokenKind.Plus or TokenKind.Minus } sum)
                return Add(sum.Left, negative, out problem)
                    && Add(sum.Right, negative ^ (sum.Op == TokenKind.Minus), out problem);
            if (!e.ContainsRegister)
            {
                var term = negative ? new UnaryExpr(e.Column, e.Length, TokenKind.Minus, e) : e;
                Displacement = Displacement is null ? term : new BinaryExpr(TokenKind.Plus, Displacement, term);
                return true;
            }
            if (negative)
            {
                problem = "a register cannot be subtracted";
                return false;
            }
            if (e is RegisterExpr r)
                return AddRegister(r.Register, 1, scaled: false, out problem);
            if (e is BinaryExpr { Op: TokenKind.Star } product)
            {
                var (reg, factor) = product.Left is RegisterExpr lr ? (lr, product.Right) : (product.Right as RegisterExpr, product.Left);
                if (reg is null || factor.ContainsRegister || factor.UsesAddresses)
                {
                    problem = "expected register*scale with a number for the scale";
                    return false;
                }
                var scale = ExpressionEvaluator.Evaluate(factor, NoSymbols.Instance);
                if (scale is not (1 or 2 or 4 or 8))
                {
                    problem = $"scale {scale} is not 1, 2, 4 or 8";
                    return false;
                }
                return AddRegister(reg.Register, (int)scale, scaled: true, out problem);
            }
            problem = "a register can only be added, or multiplied by a scale";
            return false;
        }

        private bool AddRegister(Register register, int scale, bool scaled, out string problem)
        {
            problem = "";
            if (!register.IsGPR64() && !register.IsGPR32())
            {
                problem = $"'{register.ToString().ToLowerInvariant()}' cannot address memory; expected a 64-bit or 32-bit general register";
                return false;
            }
            if (!scaled && Base == Register.None)
            {
                Base = register;
                return true;
            }
            if (Index == Register.None)
            {
                Index = register;
                Scale = scale;
                return true;
            }
            problem = "expected at most a base and an index register";
            return false;
        }
    }

    /// <summary>Scales are plain numbers; nothing to look up.</summary>
    private sealed class NoSymbols : ISymbolValues
    {
        public static readonly NoSymbols Instance = new();
        public ulong LabelAddress(string name) => 0;
        public ulong CurrentAddress => 0;
    }
}
