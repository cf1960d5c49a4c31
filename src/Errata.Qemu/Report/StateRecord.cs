using Errata.Machine;
using Errata.Machine.Events;
using Errata.Qemu.Image;

namespace Errata.Qemu.Report;

/// <summary>A delivery, final or unhandled record read by name: the vector, the frame, and the state as the event arrived.</summary>
internal sealed class StateRecord
{
    private readonly Dictionary<string, ulong> _words = new();

    public int Vector { get; }

    public InterruptFrame Frame { get; }

    /// <summary>An SMM entry: the frame is the state-save area's, not one the processor pushed.</summary>
    public bool IsSmm { get; }

    private StateRecord(ulong[] words)
    {
        Vector = (int)(words[0] & 0xFF);
        for (var i = 0; i < ReportProtocol.StateWords.Length; i++) _words[ReportProtocol.StateWords[i]] = words[i + 1];
        IsSmm = (words[0] & ReportProtocol.Smm) != 0;
        var hasError = (words[0] & ReportProtocol.HasErrorCode) != 0;
        Frame = new InterruptFrame(this["frame.rip"], this["frame.cs"], this["frame.rflags"], this["frame.rsp"], this["frame.ss"],
            hasError ? (uint)this["frame.error"] : null);
    }

    /// <summary>The state record that fills the record's words from <paramref name="offset"/> on, or null when they are not one.</summary>
    public static StateRecord? TryRead(ReportRecord record, int offset = 0) =>
        record.Words.Length == offset + ReportProtocol.StateWords.Length + 1 ? new StateRecord(record.Words[offset..]) : null;

    public ulong this[string name] => _words[name];

    /// <summary>
    /// The state the event interrupted: the general, debug and control registers as read, and RIP,
    /// RFLAGS, RSP and CPL from the frame. GIF is added only when it was observed.
    /// </summary>
    /// <param name="rip">RIP when it is not the frame's: where the host resumed after #VMEXIT, before the INT3 there.</param>
    public MachineState State(Func<ulong, ulong?> readQword, bool? gif = null, ulong? rip = null)
    {
        var words = new Dictionary<string, ulong>(_words.Where(w => !w.Key.StartsWith("frame.", StringComparison.Ordinal)))
        {
            ["rip"] = rip ?? Frame.Rip,
            ["rflags"] = Frame.Rflags,
            ["rsp"] = Frame.Rsp,
            ["cpl"] = Frame.Cs & 3,
        };
        if (gif is { } g) words["gif"] = g ? 1UL : 0;
        return StateFields.FromWords(words, readQword);
    }
}
