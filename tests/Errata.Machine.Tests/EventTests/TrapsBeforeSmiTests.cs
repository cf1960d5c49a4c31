using Errata.Machine.Events;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.EventTests;

/// <summary>
/// An SMI held at GIF=0 becomes deliverable at the boundary after STGI, where STGI run with TF also
/// traps. The processor takes the SMI first (priority 3 before 4: priority.smi-init-before-debug-traps),
/// so the #DB is delivered at the SMI handler's first instruction; QEMU raises the #DB as STGI's block
/// ends, before it looks at interrupts (qemu.debug-traps-before-smi-init), and enters SMM after.
/// </summary>
public sealed class TrapsBeforeSmiTests
{
    [Theory]
    [InlineData("apm", false)]
    [InlineData("qemu-tcg", true)]
    public void SingleStepAfterStgi_AndTheSmiItReleases(string profile, bool trapFirst)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label raise = p.Label(), stgi = p.Label(), after = p.Label();
        a.clgi();
        p.At(ref raise);
        Snippets.SetTrapFlag(a);
        p.At(ref stgi);
        a.stgi();
        p.At(ref after);
        Snippets.ClearTrapFlag(a);
        a.hlt();
        p.Inject(EventId.Smi, raise);
        p.SingleStepOnceHandler();
        var o = p.Run(profile);

        var smi = Assert.Single(o.Delivered(EventId.Smi));
        // On apm RSM brings TF back, so the code after the SMI is stepped once more: a second #DB.
        var db = o.Delivered(EventId.DebugException).OrderBy(e => e.DeliveryOrder).ToArray();
        Assert.Equal(trapFirst ? 1 : 2, db.Length);
        Assert.Equal(trapFirst, db[0].DeliveryOrder < smi.DeliveryOrder);
        // Whichever goes first returns to the instruction after STGI; the other arrives at its handler.
        Assert.Equal(p.Address(after), trapFirst ? db[0].Frame!.Rip : smi.Frame!.Rip);
        Assert.NotEqual(p.Address(after), trapFirst ? smi.Frame!.Rip : db[0].Frame!.Rip);
    }
}
