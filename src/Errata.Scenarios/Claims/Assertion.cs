using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// One assertion of docs/guide/scenarios.md ("Expect lines"). Each kind judges itself against an outcome and says,
/// when it fails, what it expected, what was observed and where the run departed.
/// </summary>
public abstract record Assertion
{
    /// <summary>Labels this assertion names, so they are checked before any run.</summary>
    public virtual IEnumerable<LabelRef> Labels => [];

    public abstract Judgement Judge(JudgeContext context);
}

/// <summary>A label named in an assertion, with its column offset inside the assertion text.</summary>
public readonly record struct LabelRef(string Name, int Offset);

/// <summary>What a judgement compares against: the outcome and the assembled labels.</summary>
public sealed record JudgeContext(Outcome Outcome, IReadOnlyDictionary<string, ulong> Labels)
{
    public ulong Address(LabelRef label) => Labels[label.Name];

    public IEnumerable<MachineEvent> Of(EventId id) => Outcome.Events.Where(e => e.Id == id);

    public string LabelOf(ulong address)
    {
        foreach (var (name, a) in Labels)
            if (a == address) return name;
        return Hex.Format(address);
    }

    /// <summary>A value compared with a label reads as that label when it is one.</summary>
    public string LabelOrNumber(ulong value, bool asLabel) => asLabel ? LabelOf(value) : Hex.Format(value);

    /// <summary>The first delivery of an event, by the order of delivery (not of raising).</summary>
    public MachineEvent? FirstDelivered(EventId id) =>
        Of(id).Where(Words.IsDelivered).MinBy(e => e.DeliveryOrder ?? int.MaxValue);

    public string Describe(MachineEvent e) =>
        $"{e.Id.Name} {Words.Disposition(e.Disposition)} at {LabelOf(e.Rip)} ({e.Cause}; {e.Rule.Source})";
}

/// <summary>A verdict's substance: whether it holds and, when not, the evidence.</summary>
public sealed record Judgement(bool Holds, string Expected, string Observed, MachineEvent? Divergence = null)
{
    public static Judgement Pass(string expected, string observed) => new(true, expected, observed);
}

public static class Words
{
    public static string Disposition(Disposition d) => d switch
    {
        Machine.Events.Disposition.Delivered => "delivered",
        Machine.Events.Disposition.Discarded => "discarded",
        Machine.Events.Disposition.Pending => "pending",
        _ => "delivered-after-pending",
    };

    public static string End(RunEnd end) => end switch
    {
        RunEnd.Halted => "halted",
        RunEnd.Stopped => "stopped",
        RunEnd.Shutdown => "shutdown",
        RunEnd.Reset => "reset",
        RunEnd.TimedOut => "timed out",
        _ => "budget exceeded",
    };

    public static bool IsDelivered(MachineEvent e) =>
        e.Disposition is Machine.Events.Disposition.Delivered or Machine.Events.Disposition.DeliveredAfterPending;
}
