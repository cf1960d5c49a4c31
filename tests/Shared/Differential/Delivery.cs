using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Testing.Differential;

/// <summary>
/// A delivery as a real machine's handlers can see it: which event, the RIP its frame returns
/// to, and DR6 on entry (only #DB's is compared: other handlers' DR6 follows from earlier #DBs).
/// A return RIP outside the image's memory is in the machine's own handlers, whose addresses
/// differ from machine to machine: it is compared as "a handler", not by address.
/// </summary>
internal sealed record Delivery(string Event, ulong? ReturnRip, ulong? Dr6)
{
    /// <summary>
    /// The deliveries through the IDT of an outcome, in the order their handlers start; exits, SMM
    /// entries and resets have no frame a handler reports. A backend's image reports each delivery as
    /// its handler starts, so its order is that already. The built-in machine records the order of
    /// delivery, in which an event delivered at the first instruction of the handler just entered
    /// comes after the event whose handler it interrupts, though its own handler starts first.
    /// </summary>
    public static IReadOnlyList<Delivery> Of(Outcome outcome, MachineImage image)
    {
        var delivered = outcome.Events
            .Select((e, index) => (e, index))
            .Where(x => x.e.Disposition is Disposition.Delivered or Disposition.DeliveredAfterPending && Reported(x.e.Id))
            .OrderBy(x => x.e.DeliveryOrder ?? x.index)
            .Select(x => new Delivery(x.e.Id.Name, InImage(image, x.e.Frame?.Rip ?? x.e.DeliveredBefore ?? x.e.Rip), Dr6At(x.e)))
            .ToList();
        return outcome.Provenance is null ? AsHandlersStart(delivered, image) : delivered;
    }

    /// <summary>
    /// Moves each delivery that returns to the entry of the handler the one before it entered (a
    /// scenario's handler, or the machine's own, which runs as one step, so a frame inside it is at
    /// its entry) before that one: nested at handler entries, handlers start last-delivered first.
    /// </summary>
    private static List<Delivery> AsHandlersStart(List<Delivery> deliveries, MachineImage image)
    {
        var ordered = new List<Delivery>();
        var outer = 0;
        foreach (var d in deliveries)
        {
            if (ordered.Count > 0 && d.ReturnRip == HandlerOf(ordered[outer].Event, image)) ordered.Insert(outer, d);
            else
            {
                outer = ordered.Count;
                ordered.Add(d);
            }
        }
        return ordered;
    }

    /// <summary>The entry of the scenario's handler for an event, or null for the machine's own.</summary>
    private static ulong? HandlerOf(string name, MachineImage image) =>
        image.Handlers.Where(h => h.Key.Name == name).Select(h => (ulong?)h.Value).FirstOrDefault();

    public string Key => $"{Event} returning to " + (ReturnRip is { } rip ? $"0x{rip:x}" : "a handler");

    private static ulong? InImage(MachineImage image, ulong rip) =>
        image.Memory.Any(b => rip >= b.Address && rip < b.Address + (ulong)b.Bytes.Length) ? rip : null;

    private static bool Reported(EventId id) => id.Class is EventClass.Exception or EventClass.Intr or EventClass.Nmi;

    private static ulong? Dr6At(MachineEvent e) =>
        e.Id == EventId.DebugException && e.AtDelivery is { } s && s.TryGet("dr6", out var v) ? v : null;
}
