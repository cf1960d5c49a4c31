using Errata.Machine.Events;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.SvmTests;

/// <summary>
/// A guest's INT3 and the two intercepts that could catch it: the processor intercepts it as the #BP
/// it raises, through bit 3 of the exception bitmap (svm.int3-intercepted-as-bp); QEMU 7.2 raises it as
/// a software interrupt and checks the INTn intercept instead (qemu.int3-checks-the-intn-intercept).
/// </summary>
public sealed class Int3InterceptTests
{
    private const ulong VmcbAddress = 0x460000;
    private const ulong ExitCodeOffset = 0x70, ExitInfo1Offset = 0x78;

    [Theory]
    [InlineData("apm", "intercept_exception", 3UL, 0x43UL)]
    [InlineData("apm", "intercept_intn", 1UL, null)]
    [InlineData("kvm", "intercept_exception", 3UL, 0x43UL)]
    [InlineData("qemu-tcg", "intercept_exception", 3UL, null)]
    [InlineData("qemu-tcg", "intercept_intn", 1UL, 0x75UL)]
    public void GuestInt3_ExitsThroughTheInterceptItsProcessorChecks(string profile, string key, ulong value, ulong? exitCode)
    {
        var p = new TestProgram();
        var a = p.Asm;
        var brk = p.Label();
        a.vmrun();
        a.hlt();
        p.At(ref brk);
        a.int3();
        a.vmmcall();
        p.Guest(brk);
        p.Vmcb[key] = value;

        var o = p.Run(profile);

        var bp = o.Of(EventId.Exception(3)).ToArray();
        Assert.All(bp, e => Assert.Equal(p.Address(brk), e.Rip));
        if (exitCode is { } code)
        {
            // An exception intercept records the #BP it turned into the exit; the INTn intercept exits before any #BP.
            Assert.Equal(code == 0x43 ? [Disposition.Discarded] : [], bp.Select(e => e.Disposition));
            var exit = o.Single(EventId.VmExit((int)code));
            Assert.Equal(p.Address(brk), exit.Rip);
            Assert.Empty(o.Of(EventId.VmExit(0x81)));
            Assert.Equal(code, o.Final.TryReadQword(VmcbAddress + ExitCodeOffset));
            Assert.Equal(0UL, o.Final.TryReadQword(VmcbAddress + ExitInfo1Offset));
        }
        else
        {
            // Taken in the guest: its handler returns and the guest's VMMCALL exits.
            var taken = Assert.Single(bp);
            Assert.Equal(Disposition.Delivered, taken.Disposition);
            Assert.True(taken.InGuest);
            Assert.Equal(0x81UL, o.Final.TryReadQword(VmcbAddress + ExitCodeOffset));
        }
    }
}
