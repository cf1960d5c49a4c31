using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly.Encoding;
using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Lexing;
using Code = Iced.Intel.Code;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>
/// One line to statements: an optional <c>name:</c> label, then an instruction (with an
/// optional lock/rep prefix) or a data directive. The instruction's forms are narrowed to
/// those its operands fit, and to those the machine runs, here, once, before any layout.
/// </summary>
internal sealed class LineParser(Func<Code, bool> isSupported, List<Diagnostic> diagnostics)
{
    private readonly List<AsmToken> _tokens = [];

    /// <summary>The last label without a leading dot: the scope of local labels.</summary>
    private string _scope = "";
    private readonly Predicate<Candidate> _unsupported = c => !isSupported(c.Code);

    public void Parse(SourceLine line, List<Statement> into)
    {
        if (!AsmLexer.Tokenize(line, _tokens, diagnostics)) return;
        if (_tokens is [{ Kind: TokenKind.Identifier } name, { Kind: TokenKind.Colon }, ..] && !name.Text.StartsWith('.'))
            _scope = name.Text;
        var cursor = new LineCursor(line, _tokens, diagnostics, _scope);
        if (cursor.Peek.Kind == TokenKind.Identifier && cursor.PeekAhead(1).Kind == TokenKind.Colon)
        {
            var label = cursor.Next();
            cursor.Next();
            if (Registers.TryGet(label.Text, out _))
            {
                cursor.Error(AssemblerErrors.RegisterAsLabel, label.Column, label.Length, label.Text);
                return;
            }
            into.Add(new LabelStatement(line, cursor.FullLabelName(label.Text), label.Column, label.Length));
        }
        if (cursor.Peek.Kind == TokenKind.End) return;

        var statement = ParseStatement(cursor);
        if (statement is null || cursor.Failed) return;
        into.Add(statement);
    }

    private Statement? ParseStatement(LineCursor cursor)
    {
        var first = cursor.Peek;
        if (first.Kind != TokenKind.Identifier)
        {
            cursor.Unexpected(first, "a label, an instruction or a data directive");
            return null;
        }
        var prefix = Prefix(first.Text);
        if (prefix != InstructionPrefix.None)
        {
            cursor.Next();
            if (cursor.Peek.Kind != TokenKind.Identifier)
            {
                cursor.Unexpected(cursor.Peek, $"an instruction after '{first.Text}'");
                return null;
            }
        }
        var mnemonic = cursor.Next();
        int unit = DataUnit(mnemonic.Text);
        if (unit != 0 && prefix == InstructionPrefix.None)
            return ParseData(cursor, unit);

        if (!MnemonicTable.TryGet(mnemonic.Text, out var candidates))
        {
            var descriptor = MnemonicTable.IsKnownElsewhere(mnemonic.Text) ? AssemblerErrors.UnsupportedInstruction : AssemblerErrors.UnknownMnemonic;
            cursor.Error(descriptor, mnemonic.Column, mnemonic.Length, mnemonic.Text);
            return null;
        }
        if (!AnySupported(candidates))
        {
            cursor.Error(AssemblerErrors.UnsupportedInstruction, mnemonic.Column, mnemonic.Length, mnemonic.Text);
            return null;
        }
        var written = ParseOperands(cursor);
        if (written is null) return null;
        var operands = NasmForms.Normalize(candidates, written);
        int end = written.Count > 0 ? written[^1].Column + written[^1].Length : mnemonic.End;
        var line = cursor.Line;

        var shapes = ShapeMatcher.Match(candidates, operands);
        if (shapes.Count == 0)
        {
            var ops = written.Count == 0 ? "no operands" : line.Text[written[0].Column..end];
            cursor.Error(AssemblerErrors.NoMatchingForm, first.Column, end - first.Column, mnemonic.Text, ops);
            return null;
        }
        if (ShapeMatcher.SizeIsAmbiguous(shapes, operands))
        {
            var memory = operands.First(o => o is MemoryReference);
            cursor.Error(AssemblerErrors.OperationSizeNotSpecified, memory.Column, memory.Length, cursor.TextOf(memory.Column, memory.Length));
            return null;
        }
        shapes.RemoveAll(_unsupported);
        if (shapes.Count == 0)
        {
            cursor.Error(AssemblerErrors.UnsupportedInstruction, first.Column, end - first.Column, line.Text[first.Column..end]);
            return null;
        }
        return new InstructionStatement(line, first.Column, end - first.Column, prefix, shapes, operands) { LabelUses = cursor.LabelUses };
    }

    private bool AnySupported(Candidate[] candidates)
    {
        foreach (var c in candidates)
            if (isSupported(c.Code)) return true;
        return false;
    }

    private static List<Operand>? ParseOperands(LineCursor cursor)
    {
        var operands = new List<Operand>();
        if (cursor.Peek.Kind == TokenKind.End) return operands;
        while (true)
        {
            var operand = OperandParser.Parse(cursor);
            if (operand is null) return null;
            operands.Add(operand);
            var next = cursor.Next();
            if (next.Kind == TokenKind.End) return operands;
            if (next.Kind != TokenKind.Comma)
            {
                cursor.Unexpected(next, "',' or the end of the line");
                return null;
            }
        }
    }

    private static DataStatement? ParseData(LineCursor cursor, int unit)
    {
        var items = new List<DataItem>();
        while (true)
        {
            var t = cursor.Peek;
            if (t.Kind == TokenKind.String && OperandParser.IsOperandEnd(cursor.PeekAhead(1)))
            {
                cursor.Next();
                items.Add(new DataItem(t.Column, t.Length, null, System.Text.Encoding.UTF8.GetBytes(t.Text)));
            }
            else
            {
                var value = ExpressionParser.Parse(cursor);
                if (value is null) return null;
                int length = cursor.PreviousEnd - t.Column;
                if (value.ContainsRegister)
                {
                    cursor.Error(AssemblerErrors.InvalidOperand, t.Column, length, cursor.TextOf(t.Column, length));
                    return null;
                }
                items.Add(new DataItem(t.Column, length, value, null));
            }
            var next = cursor.Next();
            if (next.Kind == TokenKind.End) return new DataStatement(cursor.Line, unit, items) { LabelUses = cursor.LabelUses };
            if (next.Kind != TokenKind.Comma)
            {
                cursor.Unexpected(next, "',' or the end of the line");
                return null;
            }
        }
    }

    private static readonly Dictionary<string, InstructionPrefix> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lock"] = InstructionPrefix.Lock,
        ["rep"] = InstructionPrefix.Rep,
        ["repe"] = InstructionPrefix.Rep,
        ["repz"] = InstructionPrefix.Rep,
        ["repne"] = InstructionPrefix.Repne,
        ["repnz"] = InstructionPrefix.Repne,
    };

    private static readonly Dictionary<string, int> DataUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["db"] = 1,
        ["dw"] = 2,
        ["dd"] = 4,
        ["dq"] = 8,
    };

    private static InstructionPrefix Prefix(string word) => Prefixes.GetValueOrDefault(word);

    private static int DataUnit(string word) => DataUnits.GetValueOrDefault(word);
}
