namespace Errata.Machine;

/// <summary>How to run: whether to keep an instruction trace.</summary>
public sealed record RunOptions(bool Trace = false);
