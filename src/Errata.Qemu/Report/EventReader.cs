using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Errata.Qemu.Image;

namespace Errata.Qemu.Report;

/// <summary>
/// The events of one run in raising order. Which instruction raised a delivered event is read
/// from the frame as the architecture defines it: a fault's frame holds the faulting instruction
/// (#DB on an execute match or general detect, and other exceptions), a trap's the next one, so
/// the raising instruction is the assembled instruction that ends there (#DB on a data, I/O or
/// single-step match, #BP, INT n, an interrupt the scenario sent itself).
/// </summary>
internal sealed class EventReader(MachineImage image, Func<ulong, ulong?> readQword)
{
    private sealed class Pending
    {
        public required EventId Id;
        public required ulong Rip;
        public required string Cause;
        public bool Injected;
        public StateRecord? Delivery;
        public int? Order;

        /// <summary>An INIT that reset the processor: the state is the one before it, and no frame was pushed.</summary>
        public bool Reset;

        /// <summary>Where the host resumed after a #VMEXIT (the frame's RIP is one past it, after the INT3).</summary>
        public ulong? ResumedAt;
    }

    private readonly List<Pending> _events = [];
    private readonly Dictionary<ulong, ulong> _startByEnd =
        image.Instructions.GroupBy(i => i.Address + (ulong)i.Length).ToDictionary(g => g.Key, g => g.First().Address);
    private int _deliveries;

    public void Raise(EventId id, ulong site) =>
        _events.Add(new Pending { Id = id, Rip = site, Cause = $"injected at 0x{site:x} (APIC ICR)", Injected = true });

    public void Deliver(StateRecord delivery)
    {
        var id = delivery.IsSmm ? EventId.Smi : delivery.Vector switch
        {
            2 => EventId.Nmi,
            < 32 => EventId.Exception(delivery.Vector),
            _ => EventId.Intr(delivery.Vector),
        };
        var raised = _events.FirstOrDefault(e => e.Injected && e.Delivery is null && e.Id == id);
        if (raised is null)
        {
            raised = new Pending { Id = id, Rip = RaisedAt(delivery), Cause = $"{id.Name} delivered by QEMU" };
            _events.Add(raised);
        }
        raised.Delivery = delivery;
        raised.Order = _deliveries++;
    }

    /// <summary>The image booted again: the oldest injected INIT not yet accounted for reset the processor, in the state it was sent from.</summary>
    public void Reset(StateRecord beforeInit)
    {
        var init = _events.FirstOrDefault(e => e.Injected && e.Delivery is null && e.Id == EventId.Init);
        if (init is null) return;
        init.Delivery = beforeInit;
        init.Order = _deliveries++;
        init.Reset = true;
    }

    /// <summary>A #VMEXIT to the host: raised by the guest's instruction, delivered where the host resumed.</summary>
    public void VmExit(int code, ulong guestRip, StateRecord host)
    {
        var id = EventId.VmExit(code);
        _events.Add(new Pending
        {
            Id = id, Rip = guestRip, Cause = $"{id.Name} (EXITCODE 0x{code:x} in the VMCB)", Delivery = host,
            Order = _deliveries++, ResumedAt = host.Frame.Rip - 1,
        });
    }

    private ulong RaisedAt(StateRecord d)
    {
        var rip = d.Frame.Rip;
        var trap = !d.IsSmm && d.Vector switch
        {
            1 => !IsFaultingDebug(d["dr6"], d["dr7"]),
            3 or 4 => true,
            < 32 => false,
            _ => true,
        };
        return trap && _startByEnd.TryGetValue(rip, out var start) ? start : rip;
    }

    /// <summary>
    /// An injected event taken inside the firmware, between the ICR write and the IRETQ to the site
    /// (KVM delivers it there, TCG after the IRETQ): it was deliverable at the site, so it counts as
    /// delivered before the site's instruction.
    /// </summary>
    private static bool InjectedAtItsSite(Pending e, StateRecord d) =>
        e.Injected && d.Frame.Rip >= QemuLayout.FirmwareBase && d.Frame.Rip < QemuLayout.FirmwareLimit;

    /// <summary>#DB is a fault for an execute match (DR7 R/W = 00) and for general detect (DR6.BD); a trap otherwise (APM Vol. 2 13.1.1).</summary>
    private static bool IsFaultingDebug(ulong dr6, ulong dr7)
    {
        if ((dr6 & (1UL << 13)) != 0) return true;
        for (var n = 0; n < 4; n++)
            if ((dr6 & (1UL << n)) != 0 && ((dr7 >> (16 + 4 * n)) & 3) == 0) return true;
        return false;
    }

    public IReadOnlyList<MachineEvent> ToEvents() => _events.Select((e, i) =>
    {
        var d = e.Delivery;
        var before = e.ResumedAt ?? (d is null ? null : InjectedAtItsSite(e, d) ? e.Rip : d.Frame.Rip);
        var disposition = d is null ? Disposition.Pending
            : e.Injected && before != e.Rip ? Disposition.DeliveredAfterPending
            : Disposition.Delivered;
        var rule = d is null ? QemuRules.NotDelivered : e.Reset ? QemuRules.Reset : d.IsSmm ? QemuRules.EnteredSmm : QemuRules.Delivered;
        return new MachineEvent(i, e.Id, e.Cause, disposition, e.Rip, before, rule, d?.State(readQword, rip: e.ResumedAt), 0, false)
        {
            DeliveryOrder = e.Order,
            Frame = e.ResumedAt is null && !e.Reset ? d?.Frame : null,
            HeldBy = disposition == Disposition.DeliveredAfterPending ? [QemuRules.Delivered] : Array.Empty<Rule>(),
        };
    }).ToArray();
}
