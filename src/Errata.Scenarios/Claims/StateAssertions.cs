using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// A field compared with a value: a register, gif, rflags.if, dr6.b0 ..., or a qword of
/// memory at [label] or at [ADDRESS] (the VMCB's exit fields, say).
/// </summary>
public sealed record FieldCheck(string Field, ulong Value, LabelRef? Memory, ulong? Address = null)
{
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

    public bool Matches(MachineState? state, JudgeContext c) => TryRead(state, c, out var v) && v == Value;

    public string Describe(MachineState? state, JudgeContext c) =>
        TryRead(state, c, out var v) ? Hex.Format(v) : "(not available)";
}

/// <summary>`FIELD = VALUE`: the final state.</summary>
public sealed record FinalStateAssertion(FieldCheck Check) : Assertion
{
    public override IEnumerable<LabelRef> Labels => Check.Memory is { } l ? [l] : [];

    public override Judgement Judge(JudgeContext c)
    {
        var expected = $"{Check.Field} = {Hex.Format(Check.Value)} at the end";
        var observed = $"{Check.Field} = {Check.Describe(c.Outcome.Final, c)}";
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
