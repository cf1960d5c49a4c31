using Errata.Machine.Events;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>APM 15.21.4: V_IRQ is taken only when V_IGN_TPR is set or V_INTR_PRIO is above V_TPR.</summary>
public sealed class VirqPriorityTests
{
    public static TheoryData<string, ulong, ulong, ulong, bool> Cases()
    {
        var data = new TheoryData<string, ulong, ulong, ulong, bool>();
        foreach (var profile in new[] { "apm", "kvm", "kvm-novgif" })
        {
            data.Add(profile, 2, 3, 0, false); // below
            data.Add(profile, 3, 3, 0, false); // equal is not above
            data.Add(profile, 4, 3, 0, true);
            data.Add(profile, 0, 3, 1, true);  // V_IGN_TPR
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VirtualInterrupt_IsTakenOnlyAboveVTpr(string profile, ulong prio, ulong tpr, ulong ignTpr, bool taken)
    {
        var p = new TestProgram();
        Iced.Intel.Label guest = p.Label();
        p.Asm.vmrun();
        p.Asm.hlt();
        p.At(ref guest);
        p.Asm.nop();
        p.Asm.vmmcall();
        p.Guest(guest);
        p.Vmcb["v_irq"] = 1;
        p.Vmcb["v_intr_vector"] = 0x50;
        p.Vmcb["rflags"] = 0x202;
        p.Vmcb["v_intr_prio"] = prio;
        p.Vmcb["v_tpr"] = tpr;
        p.Vmcb["v_ign_tpr"] = ignTpr;
        var o = p.Run(profile);
        Assert.Single(o.Of(EventId.VmExit(0x81)));
        if (taken)
        {
            var intr = o.Single(EventId.Intr(0x50));
            Assert.Equal(Disposition.Delivered, intr.Disposition);
            Assert.True(intr.InGuest);
            return;
        }
        Assert.Empty(o.Delivered(EventId.Intr(0x50)));
        var held = o.Single(EventId.Intr(0x50));
        Assert.Equal("svm.virq-priority-above-v-tpr", held.Rule.Id);
    }
}
