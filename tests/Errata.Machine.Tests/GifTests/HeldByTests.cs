using Errata.Machine.Events;
using Errata.Machine.Tests.Support;

namespace Errata.Machine.Tests.GifTests;

/// <summary>An event held for two reasons at once lists both rules in its record.</summary>
public sealed class HeldByTests
{
    [Fact]
    public void Nmi_HeldByGifZeroAndByNmiBlocking_ListsBothRules()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label first = p.Label(), handler = p.Label(), second = p.Label();
        p.At(ref first);
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.clgi();
        p.At(ref second);
        a.nop();
        a.stgi();
        a.nop();
        a.iretq();
        p.Handler(EventId.Nmi, handler);
        p.Inject(EventId.Nmi, first);
        p.Inject(EventId.Nmi, second);
        var o = p.Run("apm");

        var nmis = o.Of(EventId.Nmi).ToArray();
        Assert.Equal(2, nmis.Length);
        Assert.Empty(nmis[0].HeldBy);
        var held = nmis[1];
        Assert.Equal(Disposition.DeliveredAfterPending, held.Disposition);
        Assert.Equal("nmi.blocked-until-iret", held.Rule.Id); // the reason it waited last

        Assert.Equal(["gif0.hold-nmi", "nmi.blocked-until-iret"], held.HeldBy.Select(r => r.Id));
    }

    [Fact]
    public void Nmi_HeldOnlyByNmiBlocking_ListsOneRule()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label first = p.Label(), handler = p.Label();
        p.At(ref first);
        a.nop();
        a.hlt();
        p.At(ref handler);
        a.nop();
        a.iretq();
        p.Handler(EventId.Nmi, handler);
        p.Inject(EventId.Nmi, first);
        p.Inject(EventId.Nmi, handler);
        var held = p.Run("apm").Of(EventId.Nmi).Last();
        Assert.Equal(["nmi.blocked-until-iret"], held.HeldBy.Select(r => r.Id));
    }
}
