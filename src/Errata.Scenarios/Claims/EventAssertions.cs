using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// `EVENT`, `EVENT at LABEL`, `EVENT at LABEL with FIELD = VALUE`: delivered (at that
/// instruction, with that state at delivery, or with that field of the pushed frame).
/// </summary>
public sealed record DeliveredAssertion(EventId Event, LabelRef? At, FieldCheck? With) : Assertion
{
    // The labels of the field count too: the compiler checks these before any run judges them.
    public override IEnumerable<LabelRef> Labels =>
        (At is { } l ? [l] : Enumerable.Empty<LabelRef>()).Concat(With?.Labels ?? []);

    public override Judgement Judge(JudgeContext c)
    {
        var expected = Event.Name + (At is { } at ? " delivered at " + at.Name : " delivered") +
                       (With is { } w ? " with " + ClaimPrinter.Print(w) : "");
        var raised = c.Of(Event).ToList();
        var delivered = raised.Where(Words.IsDelivered).ToList();
        var atLabel = At is { } label ? delivered.Where(e => e.Rip == c.Address(label)).ToList() : delivered;
        if (atLabel.Count == 0)
        {
            var first = raised.FirstOrDefault();
            var observed = first is null
                ? $"no {Event.Name} was raised"
                : string.Join("; ", raised.Select(c.Describe));
            return new Judgement(false, expected, observed, first ?? c.Outcome.Events.FirstOrDefault());
        }
        if (With is not { } check)
            return Judgement.Pass(expected, c.Describe(atLabel[0]));
        foreach (var e in atLabel)
            if (check.Matches(e, c)) return Judgement.Pass(expected, c.Describe(e));
        var seen = string.Join(", ", atLabel.Select(e => check.Describe(e, c)));
        return new Judgement(false, expected, $"{Event.Name} delivered with {ClaimPrinter.Field(check)} = {seen}", atLabel[0]);
    }
}

/// <summary>`no EVENT`: never delivered (never raised, or discarded).</summary>
public sealed record NoEventAssertion(EventId Event) : Assertion
{
    public override Judgement Judge(JudgeContext c)
    {
        var delivered = c.Of(Event).Where(Words.IsDelivered).ToList();
        var expected = $"no {Event.Name} delivered";
        if (delivered.Count == 0)
        {
            var raised = c.Of(Event).FirstOrDefault();
            return Judgement.Pass(expected, raised is null ? $"no {Event.Name} raised" : c.Describe(raised));
        }
        return new Judgement(false, expected, c.Describe(delivered[0]), delivered[0]);
    }
}

/// <summary>
/// `no EVENT at LABEL`: not delivered as raised by the instruction at LABEL; it may be
/// delivered elsewhere, or be raised there and held or discarded.
/// </summary>
public sealed record NoEventAtAssertion(EventId Event, LabelRef At) : Assertion
{
    public override IEnumerable<LabelRef> Labels => [At];

    public override Judgement Judge(JudgeContext c)
    {
        var expected = $"no {Event.Name} delivered at {At.Name}";
        var there = c.Of(Event).FirstOrDefault(e => Words.IsDelivered(e) && e.Rip == c.Address(At));
        if (there is not null) return new Judgement(false, expected, c.Describe(there), there);
        var elsewhere = c.Of(Event).FirstOrDefault();
        return Judgement.Pass(expected, elsewhere is null ? $"no {Event.Name} raised" : c.Describe(elsewhere));
    }
}

/// <summary>`EVENT discarded`: raised and discarded.</summary>
public sealed record DiscardedAssertion(EventId Event) : Assertion
{
    public override Judgement Judge(JudgeContext c)
    {
        var expected = $"{Event.Name} raised and discarded";
        var raised = c.Of(Event).ToList();
        var discarded = raised.FirstOrDefault(e => e.Disposition == Disposition.Discarded);
        if (discarded is not null) return Judgement.Pass(expected, c.Describe(discarded));
        return raised.Count == 0
            ? new Judgement(false, expected, $"no {Event.Name} raised")
            : new Judgement(false, expected, c.Describe(raised[0]), raised[0]);
    }
}

/// <summary>`EVENT pending until LABEL`: held, then delivered at the boundary just before LABEL.</summary>
public sealed record PendingUntilAssertion(EventId Event, LabelRef Until) : Assertion
{
    public override IEnumerable<LabelRef> Labels => [Until];

    public override Judgement Judge(JudgeContext c)
    {
        var expected = $"{Event.Name} held pending and delivered just before {Until.Name}";
        var raised = c.Of(Event).ToList();
        var hit = raised.FirstOrDefault(e =>
            e.Disposition == Disposition.DeliveredAfterPending && e.DeliveredBefore == c.Address(Until));
        if (hit is not null) return Judgement.Pass(expected, c.Describe(hit) + " before " + Until.Name);
        if (raised.Count == 0) return new Judgement(false, expected, $"no {Event.Name} raised");
        var first = raised[0];
        var where = first.DeliveredBefore is { } before ? " before " + c.LabelOf(before) : "";
        return new Judgement(false, expected, c.Describe(first) + where, first);
    }
}

/// <summary>`EVENT count N`: delivered exactly N times.</summary>
public sealed record CountAssertion(EventId Event, int Count) : Assertion
{
    public override Judgement Judge(JudgeContext c)
    {
        var delivered = c.Of(Event).Where(Words.IsDelivered).ToList();
        var expected = $"{Event.Name} delivered {Count} time(s)";
        var observed = $"{Event.Name} delivered {delivered.Count} time(s)";
        if (delivered.Count == Count) return Judgement.Pass(expected, observed);
        var divergence = delivered.Count > Count ? delivered[Count] : c.Of(Event).FirstOrDefault(e => !Words.IsDelivered(e));
        return new Judgement(false, expected, observed, divergence);
    }
}

/// <summary>
/// `EVENT before EVENT`: the first delivery of one precedes the first of the other, in the
/// order the handlers ran; an event raised first but held (at GIF=0, say) can come second.
/// </summary>
public sealed record BeforeAssertion(EventId First, EventId Second) : Assertion
{
    public override Judgement Judge(JudgeContext c)
    {
        var expected = $"{First.Name} delivered before {Second.Name}";
        var a = c.FirstDelivered(First);
        var b = c.FirstDelivered(Second);
        if (a is null) return new Judgement(false, expected, $"no {First.Name} delivered", b);
        if (b is null) return new Judgement(false, expected, $"no {Second.Name} delivered", a);
        var holds = a.DeliveryOrder < b.DeliveryOrder;
        var observed = holds ? $"{First.Name} delivered first" : $"{Second.Name} delivered first";
        return new Judgement(holds, expected, $"{observed} ({c.Describe(holds ? a : b)})", holds ? null : b);
    }
}
