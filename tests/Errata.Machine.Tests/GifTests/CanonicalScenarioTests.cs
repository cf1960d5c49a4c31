using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.GifTests;

/// <summary>The milestone scenario: a DR0 execute breakpoint that matches while GIF=0.</summary>
public sealed class CanonicalScenarioTests
{
    private static (TestProgram Program, ulong Target) Build()
    {
        var p = new TestProgram();
        var a = p.Asm;
        var target = p.Label();
        a.clgi();
        a.lea(rax, __[target]);
        a.mov(dr0, rax);
        a.mov(rax, 0x401);
        a.mov(dr7, rax);
        p.At(ref target);
        a.nop();
        a.stgi();
        a.hlt();
        return (p, p.Address(target));
    }

    [Fact]
    public void ExecuteBreakpoint_AtGifZeroOnApm_IsDiscardedAndRunHalts()
    {
        var (p, target) = Build();
        var o = p.Run("apm");
        Assert.Equal(RunEnd.Halted, o.End);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Discarded, db.Disposition);
        Assert.Equal("gif0.discard-breakpoint-match", db.Rule.Id);
        Assert.Equal("APM Vol. 2 15.17, Table 15-10", db.Rule.Source);
        Assert.Equal(target, db.Rip);
        Assert.Equal(0xFFFF0FF0UL, o.Final("dr6"));
        Assert.Equal(1UL, o.Final("gif"));
    }

    [Theory]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void ExecuteBreakpoint_AtGifZeroOnKvm_IsDeliveredByDbInterception(string profile)
    {
        var (p, target) = Build();
        var o = p.Run(profile);
        Assert.Equal(RunEnd.Halted, o.End);
        var db = o.Single(EventId.DebugException);
        Assert.Equal(Disposition.Delivered, db.Disposition);
        Assert.Equal("kvm.db-reinjected-without-gif-check", db.Rule.Id);
        Assert.Equal("arch/x86/kvm/svm/svm.c: db_interception", db.Rule.Source);
        Assert.Equal(target, db.Rip);
        Assert.Equal(target, db.DeliveredBefore);
        Assert.Equal(0xFFFF0FF1UL, db.At("dr6"));
        Assert.Equal(0UL, db.At("gif"));
        Assert.Equal(0xFFFF0FF0UL, o.Final("dr6"));
        Assert.Equal(1UL, o.Final("gif"));
    }
}
