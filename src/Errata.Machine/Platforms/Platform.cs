using Errata.Machine.Apic;
using Errata.Machine.Core;
using Errata.Machine.Events;
using Errata.Machine.Svm;

namespace Errata.Machine.Platforms;

/// <summary>
/// What the scenario's code runs on, layered on the processor: bare metal, or an L1 guest of
/// KVM. The platform places the code, receives the events sent to the code's processor,
/// owns the VMCBs it runs, and reports the GIF as the code sees it.
/// </summary>
internal abstract class Platform(Cpu cpu)
{
    protected readonly Cpu Cpu = cpu;

    /// <summary>The local APIC the scenario's code writes to.</summary>
    public abstract LocalApic Apic { get; }

    /// <summary>GIF as the scenario's code sees it (for KVM: V_GIF or KVM's software GIF).</summary>
    public abstract bool ScenarioGif { get; }

    /// <summary>
    /// V_GIF where vGIF holds the GIF of the code that runs: the running VMCB's V_GIF when its
    /// guest runs with V_GIF_ENABLE (APM Vol. 2 15.33.2); false where no vGIF is in use.
    /// </summary>
    public virtual bool ScenarioVGif => Cpu.Svm.GuestMode && Cpu.Svm.Active is { VGifEnabled: true } v && v.VGif;

    /// <summary>Whether the scenario's nested guest (its `guest:` section) is what runs now.</summary>
    public abstract bool ScenarioInGuest { get; }

    /// <summary>EFER as the scenario's code reads it.</summary>
    public virtual ulong ScenarioEfer => Cpu.Efer;

    /// <summary>Sets up the initial state docs/guide/scenarios.md gives (RSP, and RAX when there is a guest) with the code at its entry.</summary>
    public abstract void Start(MachineImage image);

    /// <summary>An event sent to the scenario's processor: an injection or a message from its APIC.</summary>
    public abstract void Signal(EventId id, string cause, ulong rip);

    /// <summary>A #VMEXIT from a VMCB this platform runs.</summary>
    public virtual void OnVmExit(Vmcb vmcb) =>
        Cpu.End(RunEnd.Stopped, $"#VMEXIT 0x{vmcb.ExitCode:x} from a VMCB with no owner", Cpu.Rip);

    /// <summary>The platform's pending work at a boundary; true when it changed what runs next.</summary>
    public virtual bool OnRequest() => false;

    /// <summary>Latches an event at the physical processor for the boundary arbiter.</summary>
    protected void Latch(EventId id, int record)
    {
        var c = Cpu;
        switch (id.Class)
        {
            case EventClass.Nmi: c.Held.Nmi = record; c.RaisePending(PendingEvents.Nmi); break;
            case EventClass.Smi: c.Held.Smi = record; c.RaisePending(PendingEvents.Smi); break;
            case EventClass.Init: c.Held.Init = record; c.RaisePending(PendingEvents.Init); break;
            case EventClass.Intr: c.Held.AddIntr(id.Number, record); c.RaisePending(PendingEvents.Intr); break;
            case EventClass.Exception when id.Number == Cpu.VectorMc:
                c.Held.MachineCheck = record;
                c.RaisePending(PendingEvents.MachineCheck);
                break;
        }
    }
}
