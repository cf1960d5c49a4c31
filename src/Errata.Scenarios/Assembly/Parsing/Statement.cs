using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly.Encoding;
using Errata.Scenarios.Assembly.Expressions;

namespace Errata.Scenarios.Assembly.Parsing;

/// <summary>One thing a line asks for: a label, an instruction or data. A line may hold a label and one more.</summary>
internal abstract class Statement(SourceLine line)
{
    public SourceLine Line { get; } = line;

    /// <summary>Where the layout pass placed it.</summary>
    public ulong Address { get; set; }

    /// <summary>The labels its operands or values name.</summary>
    public IReadOnlyList<LabelExpr> LabelUses { get; init; } = [];

    /// <summary>Set when a label it names is defined nowhere: that error says it all.</summary>
    public bool UsesUndefinedLabel { get; set; }
}

internal sealed class LabelStatement(SourceLine line, string name, int column, int length) : Statement(line)
{
    public string Name { get; } = name;
    public int Column { get; } = column;
    public int Length { get; } = length;
}

internal enum InstructionPrefix : byte
{
    None,
    Lock,
    Rep,
    Repne,
}

internal sealed class InstructionStatement(
    SourceLine line, int column, int length, InstructionPrefix prefix, IReadOnlyList<Candidate> candidates, IReadOnlyList<Operand> operands)
    : Statement(line)
{
    /// <summary>Columns of the whole instruction text (prefix, mnemonic and operands), for messages.</summary>
    public int Column { get; } = column;
    public int Length { get; } = length;
    public InstructionPrefix Prefix { get; } = prefix;
    public IReadOnlyList<Candidate> Candidates { get; } = candidates;
    public IReadOnlyList<Operand> Operands { get; } = operands;
    public bool UsesAddresses { get; } = operands.Any(static o => o.UsesAddresses);

    public string Text => Line.Text.Substring(Column, Length);

    /// <summary>The layout's current choice of encoding.</summary>
    public Selection Selection { get; set; }

    /// <summary>Its short form did not reach in the last pass; see <see cref="InstructionSelector.JumpsOnlyGrow"/>.</summary>
    public bool NearOnly { get; set; }
}

/// <summary>A data directive: each item is an expression or a string, stored in units of <see cref="UnitSize"/> bytes.</summary>
internal sealed class DataStatement(SourceLine line, int unitSize, IReadOnlyList<DataItem> items) : Statement(line)
{
    public int UnitSize { get; } = unitSize;
    public IReadOnlyList<DataItem> Items { get; } = items;
    public int Size { get; } = items.Sum(i => i.Bytes is { } b ? (b.Length + unitSize - 1) / unitSize * unitSize : unitSize);
}

/// <summary>A string's bytes, or an expression, with its columns.</summary>
internal sealed record DataItem(int Column, int Length, Expr? Value, byte[]? Bytes);
