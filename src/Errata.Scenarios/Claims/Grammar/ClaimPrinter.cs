using System.Globalization;
using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// A claim's canonical text: the grammar's form with one space between words, events as
/// <see cref="EventNames"/> writes them, numbers below 10 as a decimal digit (`gif = 0`) and
/// others in hex. Reading the text back gives the same claim; accept, judgements and
/// reports write claims only through here.
/// </summary>
public static class ClaimPrinter
{
    public static string Print(Assertion claim) => claim switch
    {
        EndAssertion e => Words.End(e.End),
        NoEventAssertion n => "no " + n.Event.Name,
        NoEventAtAssertion n => $"no {n.Event.Name} at {n.At.Name}",
        DiscardedAssertion d => d.Event.Name + " discarded",
        PendingUntilAssertion p => $"{p.Event.Name} pending until {p.Until.Name}",
        CountAssertion c => $"{c.Event.Name} count {c.Count.ToString(CultureInfo.InvariantCulture)}",
        BeforeAssertion b => $"{b.First.Name} before {b.Second.Name}",
        DeliveredAssertion d => d.Event.Name + (d.At is { } at ? " at " + at.Name : "") + (d.With is { } w ? " with " + Print(w) : ""),
        FinalStateAssertion f => Print(f.Check),
        _ => throw new ArgumentException($"no printed form for {claim.GetType().Name}", nameof(claim)),
    };

    /// <summary>`FIELD = VALUE`.</summary>
    public static string Print(FieldCheck check) => Field(check) + " = " + Value(check);

    /// <summary>The field: its name, [label] or [ADDRESS].</summary>
    public static string Field(FieldCheck check) =>
        check.Memory is { } label ? $"[{label.Name}]" : check.Address is { } address ? $"[{Hex.Format(address)}]" : check.Field;

    /// <summary>The value as the claim states it: the label's name, or the number.</summary>
    public static string Value(FieldCheck check) => check.ValueLabel is { } l ? l.Name : Number(check.Value);

    public static string Number(ulong value) =>
        value < 10 ? value.ToString(CultureInfo.InvariantCulture) : Hex.Format(value);
}
