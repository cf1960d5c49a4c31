namespace Errata.Machine;

/// <summary>Where the assembler put one instruction: lets a backend tell code from data without decoding data.</summary>
public readonly record struct ImageInstruction(ulong Address, int Length);
