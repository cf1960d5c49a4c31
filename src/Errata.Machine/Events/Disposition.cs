namespace Errata.Machine.Events;

/// <summary>An event's fate, as `errata run --json` reports it (its "disposition").</summary>
public enum Disposition
{
    Delivered,
    Discarded,
    /// <summary>Still held when the run ended.</summary>
    Pending,
    DeliveredAfterPending,
}
