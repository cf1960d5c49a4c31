using Errata.Documents.Syntax;

namespace Errata.Scenarios.Assembly;

/// <summary>An instruction as assembled: where it went, its bytes' length, its line, and Iced's view of it.</summary>
public sealed record AssembledInstruction(ulong Address, int Length, SourceLine Line, Iced.Intel.Instruction Instruction);
