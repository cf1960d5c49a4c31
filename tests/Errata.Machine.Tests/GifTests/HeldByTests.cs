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

    /// <summary>An INTR raised at GIF=0 with IF=0 waits for both; its record names both rules, on every profile.</summary>
    [Theory]
    [InlineData("apm", "gif0.hold-intr")]
    [InlineData("kvm", "kvm.gif-set-holds-intr")]
    [InlineData("kvm-novgif", "kvm.gif-set-holds-intr")]
    public void Intr_HeldByGifZeroAndByIf_ListsBothRules(string profile, string gifRule)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label raise = p.Label(), taken = p.Label();
        a.clgi();
        p.At(ref raise);
        a.nop();
        a.stgi();
        a.sti();
        a.nop();
        p.At(ref taken);
        a.nop();
        a.hlt();
        p.Inject(EventId.Intr(0x30), raise);
        var o = p.Run(profile);
        var intr = o.Delivered(EventId.Intr(0x30)).Single();
        Assert.Equal(p.Address(taken), intr.DeliveredBefore);
        Assert.Contains(gifRule, intr.HeldBy.Select(r => r.Id));
        Assert.Contains("intr.if-masks", intr.HeldBy.Select(r => r.Id));
    }
}
