using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// A field compared with a value: a register, gif, rflags.if, dr6.b0 ..., a qword of
/// memory at [label] or at [ADDRESS] (the VMCB's exit fields, say), or, for a delivery,
/// a field of the frame its handler was given (frame.rip ...). The value is a number, or
/// a label (<see cref="ValueLabel"/>) standing for its address.
/// </summary>
public sealed record FieldCheck(string Field, ulong Value, LabelRef? Memory, ulong? Address = null, LabelRef? ValueLabel = null)
{
    public const string FramePrefix = "frame.";

    public bool IsFrame => Field.StartsWith(FramePrefix, StringComparison.Ordinal);

    /// <summary>Labels the check names: the memory slot and the value.</summary>
    public IEnumerable<LabelRef> Labels =>
        new[] { Memory, ValueLabel }.Where(l => l is not null).Select(l => l!.Value);

    public ulong Expected(JudgeContext c) => ValueLabel is { } l ? c.Address(l) : Value;

    public bool TryRead(MachineState? state, JudgeContext c, out ulong value)
    {
        value = 0;
        if (state is null) return false;
        if (Memory is not null || Address is not null)
        {
            var q = state.TryReadQword(Memory is { } label ? c.Address(label) : Address!.Value);
            value = q ?? 0;
            return q.HasValue;
        }
        return state.TryGet(Field, out value);
    }

    /// <summary>Reads the field as one delivery saw it: the state at delivery, or the pushed frame.</summary>
    public bool TryRead(MachineEvent delivery, JudgeContext c, out ulong value)
    {
        if (!IsFrame) return TryRead(delivery.AtDelivery, c, out value);
        value = 0;
        return delivery.Frame is { } frame && frame.TryGet(Field[FramePrefix.Length..], out value);
    }

    public bool Matches(MachineState? state, JudgeContext c) => TryRead(state, c, out var v) && v == Expected(c);

    public bool Matches(MachineEvent delivery, JudgeContext c) => TryRead(delivery, c, out var v) && v == Expected(c);

    public string Describe(MachineState? state, JudgeContext c) =>
        TryRead(state, c, out var v) ? c.LabelOrNumber(v, ValueLabel is not null) : "(not available)";

    public string Describe(MachineEvent delivery, JudgeContext c) =>
        TryRead(delivery, c, out var v) ? c.LabelOrNumber(v, ValueLabel is not null) : "(not available)";
}

/// <summary>`FIELD = VALUE`: the final state.</summary>
public sealed record FinalStateAssertion(FieldCheck Check) : Assertion
{
    public override IEnumerable<LabelRef> Labels => Check.Labels;

    public override Judgement Judge(JudgeContext c)
    {
        var expected = $"{ClaimPrinter.Print(Check)} at the end";
        var observed = $"{ClaimPrinter.Field(Check)} = {Check.Describe(c.Outcome.Final, c)}";
        return Check.Matches(c.Outcome.Final, c)
            ? Judgement.Pass(expected, observed)
            : new Judgement(false, expected, observed, c.Outcome.Events.LastOrDefault());
    }
}

/// <summary>`halted`, `stopped`, `shutdown`, `reset`, `budget exceeded`, `timed out`: how the run ended.</summary>
public sealed record EndAssertion(RunEnd End) : Assertion
{
    public override Judgement Judge(JudgeContext c)
    {
        var observed = Words.End(c.Outcome.End) + (c.Outcome.StopReason is { } why ? $" ({why})" : "");
        return c.Outcome.End == End
            ? Judgement.Pass(Words.End(End), observed)
            : new Judgement(false, Words.End(End), observed, c.Outcome.Events.LastOrDefault());
    }
}
