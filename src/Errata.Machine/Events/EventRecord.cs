using Errata.Machine.Rules;

namespace Errata.Machine.Events;

/// <summary>A raised event while its fate is still being decided; becomes a <see cref="MachineEvent"/> at the end.</summary>
internal sealed class EventRecord
{
    public required int Sequence;
    public required EventId Id;
    public required string Cause;
    public required ulong Rip;
    public required long AfterInstruction;
    public required bool InGuest;
    public required Rule Rule;
    public Disposition Disposition = Disposition.Pending;
    public bool WasHeld;
    /// <summary>Every rule that held the event, in order; <see cref="Rule"/> is the one that decided first.</summary>
    public readonly List<Rule> HeldBy = [];
    public ulong? DeliveredBefore;
    public MachineState? AtDelivery;
    /// <summary>The fields of <see cref="StateFields.AtEvent"/> when the event was raised.</summary>
    public MachineState? AtRaise;
    /// <summary>Instructions its handler ran until it returned (or the run ended), when delivered through the IDT.</summary>
    public long? HandlerInstructions;
    public int? DeliveryOrder;
    public InterruptFrame? Frame;

    public MachineEvent ToEvent() =>
        new(Sequence, Id, Cause, Disposition, Rip, DeliveredBefore, Rule, AtDelivery, AfterInstruction, InGuest)
        {
            DeliveryOrder = DeliveryOrder,
            Frame = Frame,
            HeldBy = HeldBy.ToArray(),
            AtRaise = AtRaise,
            HandlerInstructions = HandlerInstructions,
        };
}
