using Errata.Machine.Apic;
using Errata.Machine.Core;
using Errata.Machine.Events;
using Errata.Machine.Firmware;
using Errata.Machine.Rules;

namespace Errata.Machine.Platforms;

/// <summary>The apm platform: the scenario's code runs directly on the processor; its APIC is the physical one.</summary>
internal sealed class BareMetal : Platform
{
    private readonly LocalApic _apic;

    public BareMetal(Cpu cpu) : base(cpu) =>
        _apic = new LocalApic((id, cause) => Signal(id, cause, cpu.Rip));

    public override LocalApic Apic => _apic;

    public override bool ScenarioGif => Cpu.Gif;

    public override bool ScenarioInGuest => Cpu.Svm.GuestMode;

    public override void Start(MachineImage image)
    {
        Cpu.Rip = image.Entry;
        Cpu.Rsp = MachineLayout.StackTop;
        if (image.GuestEntry is not null) Cpu.Rax = MachineLayout.Vmcb;
    }

    public override void Signal(EventId id, string cause, ulong rip)
    {
        var record = Cpu.Raise(id, cause, rip, Cpu.Rules.Decide(Decision.Gif1Normal).Rule);
        Latch(id, record);
    }
}
