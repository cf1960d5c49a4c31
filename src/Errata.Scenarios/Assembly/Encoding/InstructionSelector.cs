using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Parsing;
using Iced.Intel;
using IcedEncoder = Iced.Intel.Encoder;

namespace Errata.Scenarios.Assembly.Encoding;

/// <summary>
/// Picks, for one layout pass, the shortest encoding whose immediates hold this pass's
/// values, as NASM does (imm8 forms, short jumps), then NASM's equivalent form where it
/// has one (<see cref="NasmForms"/>). Ties go to the imm8 form (<c>cmp ax, 1</c> is
/// 66 83 /7 ib, not 66 3D iw), then to Iced's table order, which puts <c>op r/m, r</c>
/// first as NASM does.
/// </summary>
internal sealed class InstructionSelector(IcedEncoder encoder)
{
    private readonly ulong[] _values = new ulong[4];

    /// <summary>
    /// From this point on a jump that needed rel32 keeps it, so the layout can only grow
    /// and must settle. Before it, jumps may shrink back: a guess in the first pass can
    /// push a target out of reach that the settled layout brings back within it.
    /// </summary>
    public bool JumpsOnlyGrow { get; set; }

    public Selection Select(InstructionStatement statement, ISymbolValues symbols)
    {
        var operands = statement.Operands;
        int count = Math.Min(operands.Count, _values.Length);
        for (int i = 0; i < count; i++)
            _values[i] = operands[i] switch
            {
                ImmediateOperand imm => ExpressionEvaluator.Evaluate(imm.Value, symbols),
                MemoryReference { Displacement: { } d } => ExpressionEvaluator.Evaluate(d, symbols),
                _ => 0,
            };
        var values = _values.AsSpan(0, count);

        Instruction best = default;
        int bestLength = int.MaxValue;
        bool shortOutOfRange = false, valueTooWide = false;
        string? encoderError = null;
        foreach (var candidate in statement.Candidates)
        {
            if (candidate.IsShortBranch && statement.NearOnly && JumpsOnlyGrow) continue;
            if (!ValuesFit(candidate, values))
            {
                valueTooWide = true;
                continue;
            }
            var instruction = InstructionBuilder.Build(candidate, statement, values);
            if (!encoder.TryEncode(instruction, statement.Address, out uint length, out var error))
            {
                if (candidate.IsShortBranch) shortOutOfRange = true;
                else encoderError ??= error;
                continue;
            }
            if (length < bestLength || (length == bestLength && HasSignExtendedImm8(candidate)))
                (best, bestLength) = (instruction, (int)length);
        }
        if (bestLength != int.MaxValue && NasmForms.TryEquivalent(best, out var equivalent)
            && encoder.TryEncode(equivalent, statement.Address, out uint equivalentLength, out _) && equivalentLength <= bestLength)
            (best, bestLength) = (equivalent, (int)equivalentLength);

        if (bestLength != int.MaxValue)
        {
            statement.NearOnly = shortOutOfRange || (JumpsOnlyGrow && statement.NearOnly);
            return new Selection(best, bestLength, null);
        }
        if (shortOutOfRange)
        {
            var target = operands[0];
            return Selection.Failed(AssemblerErrors.ShortJumpOutOfRange.At(
                statement.Line.At(target.Column, target.Length), statement.Line.Text.Substring(target.Column, target.Length)));
        }
        if (valueTooWide)
        {
            int i = IndexOfImmediate(operands);
            var op = operands[i];
            return Selection.Failed(AssemblerErrors.ValueOutOfRange.At(
                statement.Line.At(op.Column, op.Length), values[i], statement.Line.Text.Substring(op.Column, op.Length),
                $"any immediate form of '{statement.Text}'"));
        }
        return Selection.Failed(AssemblerErrors.CannotEncode.At(
            statement.Line.At(statement.Column, statement.Length), statement.Text, encoderError));
    }

    private static bool ValuesFit(Candidate candidate, ReadOnlySpan<ulong> values)
    {
        for (int i = 0; i < candidate.Explicit.Length; i++)
            if (OperandMatcher.IsImmediate(candidate.Explicit[i]) && !OperandMatcher.ImmediateFits(candidate.Explicit[i], values[i]))
                return false;
        return true;
    }

    private static bool HasSignExtendedImm8(Candidate candidate) =>
        Array.Exists(candidate.Explicit, k => k is OpCodeOperandKind.imm8sex16 or OpCodeOperandKind.imm8sex32 or OpCodeOperandKind.imm8sex64);

    private static int IndexOfImmediate(IReadOnlyList<Operand> operands)
    {
        for (int i = operands.Count - 1; i > 0; i--)
            if (operands[i] is ImmediateOperand) return i;
        return 0;
    }
}
