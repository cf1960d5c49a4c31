using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.DebugTests;

/// <summary>
/// IN and OUT on a machine with no devices, and I/O breakpoints (DR7 R/W=10 with CR4.DE=1) on the
/// processor itself (apm). Their fate at GIF=0 is the io-breakpoint row of Data/table-15-10.txt;
/// under KVM, SvmTests/IoioInterceptTests.
/// </summary>
public sealed class IoBreakpointTests
{
    [Fact]
    public void IoBreakpoint_AtGifOne_TrapsAfterTheOutWithDr6_0xFFFF0FF1()
    {
        var p = new TestProgram();
        Label io = p.Label(), next = p.Label();
        Snippets.ArmIo(p.Asm, port: 0x80);
        p.At(ref io);
        p.Asm.@out(0x80, al);
        p.At(ref next);
        p.Asm.hlt();
        var o = p.Run("apm");
        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal("dr0 I/O match", db.Cause);
        Assert.Equal(p.Address(io), db.Rip);
        Assert.Equal(p.Address(next), db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF1UL, db.At("dr6"));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    [Fact]
    public void IoBreakpoint_OnApm_IsDecidedByItsOwnRule()
    {
        var p = new TestProgram();
        Snippets.ArmIo(p.Asm, port: 0x80);
        p.Asm.@out(0x80, al);
        p.Asm.hlt();
        Assert.Equal("db.io-breakpoint-trap", p.Run("apm").Single(EventId.DebugException).Rule.Id);
    }

    [Fact]
    public void OutOfFourBytesThroughDx_MatchesAOneBytePortInsideIt()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Snippets.ArmIo(a, port: 0x80);
        a.mov(edx, 0x7E); // ports 0x7E-0x81
        a.@out(dx, eax);
        a.hlt();
        Assert.Equal(0xFFFF0FF1UL, p.Run("apm").Single(EventId.DebugException).At("dr6"));
    }

    [Fact]
    public void IoBreakpointAndSingleStep_OneDbWithBsAndB0()
    {
        var p = new TestProgram();
        var a = p.Asm;
        var io = p.Label();
        Snippets.ArmIo(a, port: 0x80);
        Snippets.SetTrapFlag(a);
        p.At(ref io);
        a.@in(al, 0x80);
        Snippets.ClearTrapFlag(a);
        a.hlt();
        var db = p.Run("apm").Of(EventId.DebugException).First();
        Assert.Equal(p.Address(io), db.Rip);
        Assert.Equal("dr0 I/O match, single-step", db.Cause);
        Assert.Equal(0xFFFF4FF1UL, db.At("dr6"));
    }

    /// <summary>QEMU matches it (QemuSoftmmuTests.IoBreakpoint_WithoutCr4De).</summary>
    [Theory]
    [InlineData("apm")]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void IoBreakpoint_WithCr4DeClear_DoesNotMatch(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(rax, 0x80);
        a.mov(dr0, rax);
        a.mov(rax, 0x20401UL); // R/W0=10 is undefined without CR4.DE
        a.mov(dr7, rax);
        a.@out(0x80, al);
        a.hlt();
        var o = p.Run(profile);
        Assert.Empty(o.Of(EventId.DebugException));
        Assert.Equal(RunEnd.Halted, o.End);
    }

    /// <summary>On the KVM profiles KVM completes the IN (complete_fast_pio_in) with the same result.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void In_FromAnAbsentPort_ReadsAllOnes_MergingBelowFourBytes(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        a.mov(rax, 0x1122334455667788UL);
        a.mov(rbx, rax);
        a.mov(rcx, rax);
        a.@in(al, 0x80);
        a.xchg(rax, rbx);
        a.mov(edx, 0x60);
        a.@in(ax, dx);
        a.xchg(rax, rcx);
        a.@in(eax, dx);
        a.hlt();
        var o = p.Run(profile);
        Assert.Equal(0x11223344556677FFUL, o.Final("rbx"));
        Assert.Equal(0x112233445566FFFFUL, o.Final("rcx"));
        Assert.Equal(0xFFFFFFFFUL, o.Final("rax"));
    }

    [Fact]
    public void Out_AtCplThree_RaisesGpByTheIoplRule()
    {
        var p = new TestProgram();
        var user = p.Label();
        p.EnterUserMode(user);
        p.At(ref user);
        p.Asm.@out(0x80, al);
        p.Asm.hlt();
        var gp = p.Run("apm").Single(EventId.Exception(13));
        Assert.Equal(Disposition.Delivered, gp.Disposition);
        Assert.Equal("io.cpl-above-iopl-gp", gp.Rule.Id);
    }
}
