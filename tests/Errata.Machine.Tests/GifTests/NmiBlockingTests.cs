using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.GifTests;

public sealed class NmiBlockingTests
{
    /// <summary>A second NMI raised inside the NMI handler waits for its IRETQ, on every profile.</summary>
    [Theory]
    [InlineData("apm")]
    [InlineData("kvm")]
    [InlineData("kvm-novgif")]
    public void NmiRaisedInTheNmiHandler_IsHeldUntilIret(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label handler = p.Label(), done = p.Label(), iret = p.Label();
        Snippets.SendSelf(a, deliveryMode: 4);
        p.At(ref done);
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.inc(r15);
        a.cmp(r15, 1);
        a.jne(iret);
        Snippets.SendSelf(a, deliveryMode: 4);
        a.nop();
        a.nop();
        p.At(ref iret);
        a.iretq();
        p.Handler(EventId.Nmi, handler);
        var o = p.Run(profile);
        var nmis = o.Of(EventId.Nmi).ToArray();
        Assert.Equal(2, nmis.Length);
        Assert.Equal(Disposition.DeliveredAfterPending, nmis[1].Disposition);
        Assert.Equal(2UL, o.Final("r15"));
        Assert.Equal(RunEnd.Halted, o.End);
    }
}
