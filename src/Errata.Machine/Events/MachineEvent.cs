using Errata.Machine.Rules;

namespace Errata.Machine.Events;

/// <summary>
/// One raised event and its fate. <see cref="Rip"/> is the instruction that raised it
/// (a fault's faulting instruction, a trap's completed instruction, an injection's label);
/// <see cref="DeliveredBefore"/> is the instruction that was next when it was delivered.
/// <see cref="AtDelivery"/> holds the registers (with DR6) at delivery, when it was delivered.
/// <see cref="Sequence"/> is the order of raising; <see cref="DeliveryOrder"/> the order of
/// delivery among delivered events (an event held at GIF=0 is raised early and delivered late).
/// <see cref="Frame"/> is the interrupt frame pushed for the handler, when delivery pushed one.
/// </summary>
public sealed record MachineEvent(
    int Sequence,
    EventId Id,
    string Cause,
    Disposition Disposition,
    ulong Rip,
    ulong? DeliveredBefore,
    Rule Rule,
    MachineState? AtDelivery,
    long AfterInstruction,
    bool InGuest)
{
    public int? DeliveryOrder { get; init; }

    public InterruptFrame? Frame { get; init; }

    /// <summary>Every rule that held the event before its fate (empty when it was never held).</summary>
    public IReadOnlyList<Rule> HeldBy { get; init; } = [];

    /// <summary>GIF, V_GIF and DR7 (<see cref="StateFields.AtEvent"/>) when it was raised; null from a backend that does not report them.</summary>
    public MachineState? AtRaise { get; init; }

    /// <summary>
    /// How many instructions the handler it entered through the IDT ran, its IRETQ included,
    /// until it returned or the run ended; null when it entered no handler.
    /// </summary>
    public long? HandlerInstructions { get; init; }
}
