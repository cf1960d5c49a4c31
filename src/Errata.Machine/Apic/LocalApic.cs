using Errata.Machine.Events;

namespace Errata.Machine.Apic;

/// <summary>
/// The local APIC as far as scenarios use it: the ICR (xAPIC MMIO 0x300/0x310, x2APIC MSR 0x830)
/// sending to this processor (fixed, NMI, SMI, INIT), and EOI. Which processor model receives
/// the message is its owner's business: the physical one on bare metal, KVM's emulated one for L1.
/// </summary>
internal sealed class LocalApic(Action<EventId, string> receive)
{
    public const uint X2ApicIcrMsr = 0x830;
    public const uint X2ApicEoiMsr = 0x80B;
    private const int RegId = 0x20, RegVersion = 0x30, RegEoi = 0xB0, RegIcrLow = 0x300, RegIcrHigh = 0x310;

    private uint _icrLow, _icrHigh;

    public ulong Read(int offset) => offset switch
    {
        RegId => 0,
        RegVersion => 0x50014,
        RegIcrLow => _icrLow,
        RegIcrHigh => _icrHigh,
        _ => 0,
    };

    public void Write(int offset, ulong value)
    {
        switch (offset)
        {
            case RegIcrHigh: _icrHigh = (uint)value; break;
            case RegIcrLow:
                _icrLow = (uint)value;
                Send((uint)value, _icrHigh >> 24);
                break;
            // EOI: in-service tracking is not modelled, so there is nothing to retire.
            case RegEoi: break;
        }
    }

    public void WriteX2Icr(ulong value) => Send((uint)value, (uint)(value >> 32));

    private void Send(uint low, uint destination)
    {
        var shorthand = (low >> 18) & 3;
        // Self, all-including-self, or a physical destination of APIC ID 0 (this processor).
        var toSelf = shorthand is 1 or 2 || (shorthand == 0 && destination == 0);
        if (!toSelf) return;
        var vector = (int)(low & 0xFF);
        EventId? id = ((low >> 8) & 7) switch
        {
            0 => EventId.Intr(vector),
            2 => EventId.Smi,
            4 => EventId.Nmi,
            5 => EventId.Init,
            _ => null,
        };
        if (id is { } e) receive(e, $"ICR self-IPI ({e.Name})");
    }
}
