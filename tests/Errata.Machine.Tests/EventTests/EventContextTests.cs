using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.EventTests;

/// <summary>What a trace shows beside each event: GIF, V_GIF and DR7 as it was raised, and what its handler ran.</summary>
public sealed class EventContextTests
{
    private static ulong Raised(MachineEvent e, string name)
    {
        Assert.NotNull(e.AtRaise);
        Assert.True(e.AtRaise!.TryGet(name, out var v), name);
        return v;
    }

    /// <summary>INT3 at GIF=1, then a DR0 match at GIF=0; the #BP handler counts in a slot and returns.</summary>
    private static TestProgram Program()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label target = p.Label(), handler = p.Label();
        a.int3();
        a.lea(rax, __[target]);
        a.mov(dr0, rax);
        a.mov(rax, 0x401);
        a.mov(dr7, rax);
        a.clgi();
        p.At(ref target);
        a.nop();
        a.stgi();
        a.hlt();
        p.At(ref handler);
        a.inc(rbx);
        a.inc(rbx);
        a.iretq();
        p.Handler(EventId.Exception(3), handler);
        return p;
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void EveryEvent_RecordsGifAndDr7_AsItWasRaised(string profile)
    {
        var o = Program().Run(profile);
        var bp = o.Single(EventId.Exception(3));
        var db = o.Single(EventId.DebugException);
        Assert.Equal((1UL, 0x400UL), (Raised(bp, "gif"), Raised(bp, "dr7")));
        Assert.Equal((0UL, 0x401UL), (Raised(db, "gif"), Raised(db, "dr7")));
        Assert.Equal(StateFields.AtEvent.Select(f => f.Name), db.AtRaise!.Names);
    }

    /// <summary>On kvm L1's GIF is V_GIF in vmcb01 (vGIF); without vGIF, and on the processor's own code, no V_GIF is in use.</summary>
    [Theory]
    [InlineData("kvm", 1UL, 0UL)]
    [InlineData("kvm-novgif", 0UL, 0UL)]
    [InlineData("apm", 0UL, 0UL)]
    public void VGif_FollowsTheGif_OnlyWhereVgifHoldsIt(string profile, ulong atInt3, ulong atMatch)
    {
        var o = Program().Run(profile);
        Assert.Equal(atInt3, Raised(o.Single(EventId.Exception(3)), "v_gif"));
        Assert.Equal(atMatch, Raised(o.Single(EventId.DebugException), "v_gif"));
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Handler_CountsTheInstructionsItRan_ItsIretqIncluded(string profile)
    {
        var o = Program().Run(profile);
        Assert.Equal(3L, o.Single(EventId.Exception(3)).HandlerInstructions);
        Assert.Equal(2UL, o.Final("rbx"));
    }

    [Fact]
    public void HandlerThatNeverReturns_CountsUntilTheRunEnds_AndAnUndeliveredEventNone()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label handler = p.Label();
        a.int3();
        a.hlt();
        p.At(ref handler);
        a.nop();
        a.hlt();
        p.Handler(EventId.Exception(3), handler);
        var o = p.Run("apm");
        Assert.Equal(2L, o.Single(EventId.Exception(3)).HandlerInstructions);

        var discarded = Program().Run("apm").Single(EventId.DebugException);
        Assert.Equal(Disposition.Discarded, discarded.Disposition);
        Assert.Null(discarded.HandlerInstructions);
    }
}
