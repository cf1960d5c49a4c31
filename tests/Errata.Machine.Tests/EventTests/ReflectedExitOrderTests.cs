using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.EventTests;

/// <summary>
/// VMRUN with TF: the #VMEXIT comes first and the single-step #DB after it, at the
/// instruction after VMRUN. On KVM the exit is reflected and the #DB injected with it;
/// the log must keep that order and the exit's state must be L1's at the exit. (QEMU takes
/// no such #DB: VmrunTests checks qemu-tcg.)
/// </summary>
public sealed class ReflectedExitOrderTests
{
    [Theory]
    [MemberData(nameof(AllProfiles.TrappingAfterVmrun), MemberType = typeof(AllProfiles))]
    public void VmexitIsDeliveredBeforeTheDbInjectedWithIt(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label vmrun = p.Label(), after = p.Label(), guest = p.Label(), handler = p.Label();
        a.pushfq();
        a.or(__qword_ptr[rsp], 0x100);
        a.popfq();
        p.At(ref vmrun);
        a.vmrun();
        p.At(ref after);
        a.hlt();
        p.At(ref guest);
        a.vmmcall();
        p.At(ref handler);
        a.hlt();
        p.Guest(guest);
        p.Handler(EventId.DebugException, handler);
        var o = p.Run(profile);
        var exit = o.Single(EventId.VmExit(0x81));
        var db = o.Delivered(EventId.DebugException).Single(e => e.Rip == p.Address(vmrun));
        Assert.True(exit.DeliveryOrder < db.DeliveryOrder, $"exit {exit.DeliveryOrder}, #DB {db.DeliveryOrder}");
        Assert.Equal(p.Address(after), exit.At("rip"));
        Assert.Equal(0UL, exit.At("gif"));
        Assert.Equal(p.Address(after), db.Frame!.Rip);
    }
}
