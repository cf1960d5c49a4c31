using Errata.Machine;
using Errata.Machine.Events;

namespace Errata.Machine.Tests.Support;

internal static class OutcomeExtensions
{
    public static IEnumerable<MachineEvent> Of(this Outcome o, EventId id) => o.Events.Where(e => e.Id == id);

    public static MachineEvent Single(this Outcome o, EventId id)
    {
        var events = o.Of(id).ToArray();
        Assert.True(events.Length == 1, $"expected one {id.Name}, got {events.Length}: {Describe(o)}");
        return events[0];
    }

    public static IEnumerable<MachineEvent> Delivered(this Outcome o, EventId id) =>
        o.Of(id).Where(e => e.Disposition is Disposition.Delivered or Disposition.DeliveredAfterPending);

    public static ulong Final(this Outcome o, string name)
    {
        Assert.True(o.Final.TryGet(name, out var v), name);
        return v;
    }

    public static ulong At(this MachineEvent e, string name)
    {
        Assert.NotNull(e.AtDelivery);
        Assert.True(e.AtDelivery!.TryGet(name, out var v), name);
        return v;
    }

    public static string Describe(this Outcome o) =>
        $"end={o.End} ({o.StopReason}) after {o.Instructions}; events: " +
        string.Join("; ", o.Events.Select(e => $"{e.Id.Name} [{e.Cause}] {e.Disposition} rip=0x{e.Rip:x} rule={e.Rule.Id}"));
}
