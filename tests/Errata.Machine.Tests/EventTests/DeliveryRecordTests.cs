using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.EventTests;

/// <summary>What the log keeps about a delivery: its place in the order of deliveries and the frame pushed for the handler.</summary>
public sealed class DeliveryRecordTests
{
    /// <summary>An NMI raised at GIF=0 is held; an INT3 raised after it is delivered first.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void HeldEvent_IsRaisedFirst_ButDeliveredAfterALaterOne(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label at = p.Label(), after = p.Label();
        a.clgi();
        p.At(ref at);
        a.nop();
        a.int3();
        a.stgi();
        p.At(ref after);
        a.nop();
        a.hlt();
        p.Inject(EventId.Nmi, at);
        var o = p.Run(profile);
        var nmi = o.Single(EventId.Nmi);
        var bp = o.Single(EventId.Exception(3));
        Assert.True(nmi.Sequence < bp.Sequence, "the NMI is raised first");
        Assert.NotNull(nmi.DeliveryOrder);
        Assert.NotNull(bp.DeliveryOrder);
        Assert.True(bp.DeliveryOrder < nmi.DeliveryOrder, "the #BP is delivered first");
        Assert.Equal(p.Address(after), nmi.DeliveredBefore);
    }

    [Fact]
    public void DiscardedEvent_HasNoDeliveryOrder_NorFrame()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label target = p.Label();
        a.lea(rax, __[target]);
        a.mov(dr0, rax);
        a.mov(rax, 1);
        a.mov(dr7, rax);
        a.clgi();
        p.At(ref target);
        a.nop();
        a.hlt();
        var db = p.Run("apm").Single(EventId.DebugException);
        Assert.Equal(Disposition.Discarded, db.Disposition);
        Assert.Null(db.DeliveryOrder);
        Assert.Null(db.Frame);
    }

    /// <summary>#PF pushes an error code (a read of a not-present page: 0) and the faulting instruction's RIP.</summary>
    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void Fault_RecordsTheFrameItPushed(string profile)
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label fault = p.Label(), handler = p.Label();
        a.mov(rbx, 0x1234);
        p.At(ref fault);
        a.mov(rax, __qword_ptr[0]);
        a.hlt();
        p.At(ref handler);
        a.hlt();
        p.Handler(EventId.Exception(14), handler);
        var o = p.Run(profile);
        var pf = o.Single(EventId.Exception(14));
        var frame = Assert.IsType<InterruptFrame>(pf.Frame);
        Assert.Equal(p.Address(fault), frame.Rip);
        Assert.Equal(0u, frame.Error);
        Assert.Equal(0x08UL, frame.Cs);
        Assert.Equal(0x450000UL, frame.Rsp); // the code's initial stack (docs/guide/scenarios.md)
        Assert.True(frame.TryGet("error", out var error));
        Assert.Equal(0UL, error);
        Assert.True(frame.TryGet("rflags.if", out var iflag));
        Assert.Equal((frame.Rflags >> 9) & 1, iflag);
    }

    /// <summary>INT3 pushes no error code and the RIP of the next instruction; a frame without an error code reads none.</summary>
    [Fact]
    public void Trap_PushesTheNextRip_AndNoErrorCode()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label next = p.Label();
        a.int3();
        p.At(ref next);
        a.hlt();
        var frame = p.Run("apm").Single(EventId.Exception(3)).Frame!;
        Assert.Equal(p.Address(next), frame.Rip);
        Assert.Null(frame.Error);
        Assert.False(frame.TryGet("error", out _));
    }

    /// <summary>RF in the live RFLAGS (set by IRETQ, not yet cleared by an instruction) is in the frame an NMI pushes then.</summary>
    [Fact]
    public void InterruptBeforeTheNextInstruction_PushesRflagsWithRf()
    {
        var p = new TestProgram();
        var a = p.Asm;
        Iced.Intel.Label target = p.Label();
        Snippets.ResumeWithRf(a, target);
        p.At(ref target);
        a.nop();
        a.hlt();
        p.Inject(EventId.Nmi, target);
        var nmi = p.Run("apm").Single(EventId.Nmi);
        Assert.True(nmi.Frame!.TryGet("rflags.rf", out var rf));
        Assert.Equal(1UL, rf);
        Assert.Equal(p.Address(target), nmi.Frame.Rip);
    }
}
