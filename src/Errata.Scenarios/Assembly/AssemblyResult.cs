using Errata.Diagnostics;

namespace Errata.Scenarios.Assembly;

/// <summary>The output of <see cref="TextAssembler"/>: one contiguous image from the base address.</summary>
public sealed record AssemblyResult(
    ulong Base,
    byte[] Bytes,
    IReadOnlyDictionary<string, ulong> Labels,
    IReadOnlyDictionary<string, ulong> SectionStarts,
    IReadOnlyList<AssembledInstruction> Instructions,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
