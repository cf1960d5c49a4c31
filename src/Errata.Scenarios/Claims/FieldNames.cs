using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// The fields a claim may name besides [label] for memory: every field of the machine's
/// catalogue (<see cref="StateFields"/>), and after `with` the fields of a delivery's frame.
/// </summary>
public static class FieldNames
{
    /// <summary>The fields of a delivery's pushed frame, as assertions write them.</summary>
    public static IEnumerable<string> FrameFields => InterruptFrame.Fields.Select(f => FieldCheck.FramePrefix + f);

    private static readonly HashSet<string> Frame = new(FrameFields, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string name) => StateFields.Find(name) is not null || Frame.Contains(name);

    /// <summary>Whether the name is written as a frame field (`frame.` and anything).</summary>
    public static bool IsFrame(string name) => name.StartsWith(FieldCheck.FramePrefix, StringComparison.OrdinalIgnoreCase);
}
