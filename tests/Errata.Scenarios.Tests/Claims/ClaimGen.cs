using CsCheck;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Tests.Claims;

/// <summary>Random claims of every kind, over every event class, state field, frame field and value form.</summary>
internal static class ClaimGen
{
    private static readonly int[] NamedVectors = [0, 1, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 28, 29, 30];

    public static readonly Gen<EventId> Event = Gen.OneOf(
        Gen.Int[0, NamedVectors.Length - 1].Select(i => EventId.Exception(NamedVectors[i])),
        Gen.OneOf(EventId.Nmi, EventId.Smi, EventId.Init),
        Gen.Int[0, 255].Select(EventId.Intr),
        Gen.Int[-1, 0x90].Select(EventId.VmExit),
        Gen.Int.Select(EventId.VmExit));

    /// <summary>Label names as NASM writes them, the claim language's keywords among them (a label is one word wherever it stands).</summary>
    public static readonly Gen<LabelRef> Label = Gen.OneOf(
            Gen.Select(Gen.Char["abcxyzAZ_."], Gen.String[Gen.Char["abtz09_.$@"], 0, 6], (c, s) => c + s),
            Gen.OneOf("at", "with", "no", "count", "before", "pending", "until", "discarded", "halted", "nmi", "init"))
        .Select(n => new LabelRef(n, 0));

    private static readonly Gen<(ulong Value, LabelRef? Label)> Value = Gen.OneOf(
        Gen.ULong.Select(v => (v, (LabelRef?)null)),
        Gen.ULong[0, 20].Select(v => (v, (LabelRef?)null)),
        Label.Select(l => (0UL, (LabelRef?)l)));

    private static readonly Gen<FieldCheck> StateCheck = Gen.Select(
        Gen.Int[0, StateFields.All.Count - 1], Value,
        (i, v) => new FieldCheck(StateFields.All[i].Name, v.Value, null, null, v.Label));

    private static readonly Gen<FieldCheck> MemoryCheck = Gen.OneOf(
        Gen.Select(Label, Value, (l, v) => new FieldCheck($"[{l.Name}]", v.Value, l, null, v.Label)),
        Gen.Select(Gen.ULong, Value, (a, v) => new FieldCheck($"[{Hex.Format(a)}]", v.Value, null, a, v.Label)));

    private static readonly Gen<FieldCheck> FrameCheck = Gen.Select(
        Gen.Int[0, InterruptFrame.Fields.Count - 1], Value,
        (i, v) => new FieldCheck(FieldCheck.FramePrefix + InterruptFrame.Fields[i], v.Value, null, null, v.Label));

    public static readonly Gen<Assertion> Claim = Gen.OneOf<Assertion>(
        Gen.Enum<RunEnd>().Select(e => (Assertion)new EndAssertion(e)),
        Event.Select(e => (Assertion)new NoEventAssertion(e)),
        Gen.Select(Event, Label, (e, l) => (Assertion)new NoEventAtAssertion(e, l)),
        Event.Select(e => (Assertion)new DiscardedAssertion(e)),
        Gen.Select(Event, Label, (e, l) => (Assertion)new PendingUntilAssertion(e, l)),
        Gen.Select(Event, Gen.Int[0, int.MaxValue], (e, n) => (Assertion)new CountAssertion(e, n)),
        Gen.Select(Event, Event, (a, b) => (Assertion)new BeforeAssertion(a, b)),
        Event.Select(e => (Assertion)new DeliveredAssertion(e, null, null)),
        Gen.Select(Event, Label, (e, l) => (Assertion)new DeliveredAssertion(e, l, null)),
        Gen.Select(Event, Label, Gen.OneOf(StateCheck, MemoryCheck, FrameCheck), (e, l, c) => (Assertion)new DeliveredAssertion(e, l, c)),
        Gen.OneOf(StateCheck, MemoryCheck).Select(c => (Assertion)new FinalStateAssertion(c)));
}
