using Errata.Machine.Core;

namespace Errata.Machine.Events;

/// <summary>
/// The long-mode interrupt frame the processor pushed when it delivered an event (APM Vol. 2
/// 8.9.3): what the handler was given, before the handler could change it.
/// <see cref="Error"/> is null when the vector pushes no error code.
/// </summary>
public sealed record InterruptFrame(ulong Rip, ulong Cs, ulong Rflags, ulong Rsp, ulong Ss, uint? Error)
{
    /// <summary>Field names as assertions write them after `frame.`.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["rip", "cs", "rflags", "rflags.if", "rflags.tf", "rflags.rf", "rsp", "ss", "error"];

    /// <summary>Reads a field by its name without the `frame.` prefix; `error` reads nothing when none was pushed.</summary>
    public bool TryGet(string field, out ulong value)
    {
        (var known, value) = field.ToLowerInvariant() switch
        {
            "rip" => (true, Rip),
            "cs" => (true, Cs),
            "rflags" => (true, Rflags),
            "rflags.if" => (true, Bit(FlagBits.IF)),
            "rflags.tf" => (true, Bit(FlagBits.TF)),
            "rflags.rf" => (true, Bit(FlagBits.RF)),
            "rsp" => (true, Rsp),
            "ss" => (true, Ss),
            "error" when Error is { } e => (true, e),
            _ => (false, 0UL),
        };
        return known;
    }

    private ulong Bit(ulong flag) => (Rflags & flag) != 0 ? 1UL : 0;
}
