namespace Errata.Machine;

/// <summary>One executed instruction, in Iced's formatting, for `errata run --trace`.</summary>
public sealed record TraceStep(long Index, ulong Rip, string Text, bool InGuest);
