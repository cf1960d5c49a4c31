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
    /// <summary>The deliveries through the IDT of an outcome, in delivery order; exits, SMM entries and resets have no frame a handler reports.</summary>
    public static IReadOnlyList<Delivery> Of(Outcome outcome, MachineImage image) =>
    [
        .. outcome.Events
            .Select((e, index) => (e, index))
            .Where(x => x.e.Disposition is Disposition.Delivered or Disposition.DeliveredAfterPending && Reported(x.e.Id))
            .OrderBy(x => x.e.DeliveryOrder ?? x.index)
            .Select(x => new Delivery(x.e.Id.Name, InImage(image, x.e.Frame?.Rip ?? x.e.DeliveredBefore ?? x.e.Rip), Dr6At(x.e))),
    ];

    public string Key => $"{Event} returning to " + (ReturnRip is { } rip ? $"0x{rip:x}" : "a handler");

    private static ulong? InImage(MachineImage image, ulong rip) =>
        image.Memory.Any(b => rip >= b.Address && rip < b.Address + (ulong)b.Bytes.Length) ? rip : null;

    private static bool Reported(EventId id) => id.Class is EventClass.Exception or EventClass.Intr or EventClass.Nmi;

    private static ulong? Dr6At(MachineEvent e) =>
        e.Id == EventId.DebugException && e.AtDelivery is { } s && s.TryGet("dr6", out var v) ? v : null;
}
