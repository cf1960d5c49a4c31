using Errata.Machine.Rules;

namespace Errata.Machine.Events;

/// <summary>
/// Every event the machine raises, in order, with its fate. Records are updated as the
/// fate is decided: held, then delivered (after pending) or discarded.
/// </summary>
internal sealed class EventLog
{
    private readonly List<EventRecord> _records = [];
    private int _deliveries;

    /// <summary>Told of every raise and change of fate, when a trace is kept.</summary>
    public Action<EventRecord, string>? Observer;

    public EventRecord this[int index] => _records[index];

    public int Raise(EventId id, string cause, ulong rip, long afterInstruction, bool inGuest, Rule rule)
    {
        _records.Add(new EventRecord
        {
            Sequence = _records.Count,
            Id = id,
            Cause = cause,
            Rip = rip,
            AfterInstruction = afterInstruction,
            InGuest = inGuest,
            Rule = rule,
        });
        Observer?.Invoke(_records[^1], "raised");
        return _records.Count - 1;
    }

    public void Hold(int index, Rule rule)
    {
        var r = _records[index];
        if (!r.HeldBy.Contains(rule)) r.HeldBy.Add(rule);
        if (r.WasHeld && r.Rule == rule) return;
        r.WasHeld = true;
        r.Rule = rule;
        Observer?.Invoke(r, "held");
    }

    /// <summary>A second reason holds the event at the same boundary: listed, while the first stays its rule.</summary>
    public void AlsoHeld(int index, Rule rule)
    {
        var r = _records[index];
        if (r.HeldBy.Contains(rule)) return;
        r.HeldBy.Add(rule);
        Observer?.Invoke(r, $"held, also by {rule.Id}");
    }

    public void Discard(int index, Rule rule)
    {
        var r = _records[index];
        r.Disposition = Disposition.Discarded;
        r.Rule = rule;
        Observer?.Invoke(r, "discarded");
    }

    public void Deliver(int index, Rule rule, ulong deliveredBefore, MachineState atDelivery, InterruptFrame? frame = null)
    {
        var r = _records[index];
        r.DeliveryOrder = _deliveries++;
        r.Frame = frame;
        r.Disposition = r.WasHeld ? Disposition.DeliveredAfterPending : Disposition.Delivered;
        // A held event keeps the rule that held it: that rule is why it waited.
        if (!r.WasHeld) r.Rule = rule;
        r.DeliveredBefore = deliveredBefore;
        r.AtDelivery = atDelivery;
        Observer?.Invoke(r, "delivered");
    }

    public IReadOnlyList<MachineEvent> ToEvents() => _records.Select(r => r.ToEvent()).ToArray();
}
