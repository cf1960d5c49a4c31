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

    /// <summary>Where each line that assembled went, in the order written (for a listing beside the source).</summary>
    public IReadOnlyList<LinePlacement> Placements { get; init; } = [];
}

/// <summary>
/// Where one source line went: its address and how many bytes it made (0 for a line that
/// only defines a label); <see cref="Origin"/> is the line's place in the document.
/// </summary>
public readonly record struct LinePlacement(SourceSpan Origin, ulong Address, int Length);
