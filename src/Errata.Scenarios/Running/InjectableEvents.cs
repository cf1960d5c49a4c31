using Errata.Machine.Events;

namespace Errata.Scenarios.Running;

/// <summary>
/// The events an `inject` line may raise: the ones that arrive from outside the processor.
/// `mc` (or `#MC`) is a machine check, vector 18; the others are written as in assertions.
/// </summary>
public static class InjectableEvents
{
    public const string Known = "nmi, smi, init, intr N, mc";

    public static bool TryParse(string text, out EventId id)
    {
        if (text.Trim().Equals("mc", StringComparison.OrdinalIgnoreCase))
        {
            id = EventId.MachineCheck;
            return true;
        }
        return EventNames.TryParse(text, out id) &&
               (id.Class is EventClass.Nmi or EventClass.Smi or EventClass.Init or EventClass.Intr ||
                id == EventId.MachineCheck);
    }
}
