using Errata.Machine.Apic;
using Errata.Machine.Core;
using Errata.Machine.Debug;
using Errata.Machine.Events;
using Errata.Machine.Execution.Handlers;
using Errata.Machine.Rules;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms.Kvm;

/// <summary>KVM's exit handlers that are not about GIF or nesting: db_interception, msr_interception, svm_set_efer.</summary>
internal sealed partial class KvmL0
{
    /// <summary>
    /// db_interception: with no host debugging the #DB belongs to the guest: queue it with the
    /// DR6 payload the hardware reported (save.dr6 ^ DR6_ACTIVE_LOW). Nothing checks GIF.
    /// </summary>
    private void DbInterception()
    {
        var v = Current;
        var record = Cpu.Svm.ExitRecord;
        var ruling = Cpu.Rules.Decide(Decision.KvmDbReinjectAtGif0);
        if (!GifSet && !ruling.Delivers)
        {
            Cpu.Log.Discard(record, ruling.Rule);
            return;
        }
        Cpu.Log[record].Rule = ruling.Rule;
        QueueException(Cpu.VectorDb, null, v.Dr6 ^ DebugBits.Dr6ActiveLow, record);
    }

    /// <summary>msr_interception: EFER through svm_set_efer, the x2APIC ICR to KVM's LAPIC; anything else #GP.</summary>
    private void MsrInterception()
    {
        var v = Current;
        var msr = (uint)Cpu.Gpr[1];
        var write = v.ExitInfo1 == 1;
        if (write)
        {
            var value = ((Cpu.Gpr[2] & 0xFFFF_FFFF) << 32) | (v.Rax & 0xFFFF_FFFF);
            switch (msr)
            {
                case SystemHandlers.MsrEfer: SetEfer(value); break;
                case LocalApic.X2ApicIcrMsr: _apic.WriteX2Icr(value); break;
                case LocalApic.X2ApicEoiMsr: break;
                default: InjectGp(v, $"wrmsr to unmodelled MSR 0x{msr:x}"); return;
            }
        }
        else
        {
            ulong value;
            switch (msr)
            {
                case SystemHandlers.MsrEfer: value = _guestMode ? v.Efer : _l1Efer; break;
                case LocalApic.X2ApicIcrMsr: value = 0; break;
                default: InjectGp(v, $"rdmsr of unmodelled MSR 0x{msr:x}"); return;
            }
            v.Rax = (uint)value;
            Cpu.Gpr[2] = value >> 32;
        }
        Skip();
    }

    private void InjectGp(Vmcb v, string cause)
    {
        var rule = Cpu.Rules.Decide(Decision.Fault).Rule;
        QueueException(13, 0, null, Cpu.Raise(EventId.Exception(13), cause, v.Rip, rule));
    }

    /// <summary>
    /// svm_set_efer: clearing SVME leaves nested mode and sets GIF; the hardware always runs with
    /// SVME on, so without the CLGI/STGI intercepts L1 never sees their #UD.
    /// </summary>
    private void SetEfer(ulong value)
    {
        var old = _l1Efer;
        _l1Efer = (value & (Cpu.EferSvme | 0x800 | 0x1)) | 0x500;
        var svmeCleared = (old & Cpu.EferSvme) != 0 && (_l1Efer & Cpu.EferSvme) == 0;
        if (svmeCleared && Cpu.Rules.Decide(Decision.KvmSvmeClearSetsGif).Delivers)
        {
            if (_guestMode) LeaveNested();
            SetGif(true);
        }
        _vmcb01.Efer = _l1Efer | Cpu.EferSvme;
        // The fix of March 2026 intercepts the instructions while L1's SVME is clear; today's KVM does not.
        if ((_l1Efer & Cpu.EferSvme) == 0 && !Cpu.Rules.Decide(Decision.KvmClgiWithoutSvme).Delivers)
            foreach (var i in new[] { Intercept.Clgi, Intercept.Stgi, Intercept.Vmload, Intercept.Vmsave })
                _vmcb01.Set(i, true);
    }
}
