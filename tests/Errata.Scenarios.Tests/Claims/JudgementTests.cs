using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Rules;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Tests.Claims;

public class JudgementTests
{
    private static readonly Rule Discard = new("gif0.discard-breakpoint-match", "discarded at GIF=0", "APM Vol. 2 15.17, Table 15-10");
    private static readonly Rule Deliver = new("kvm.db-reinject", "re-injected without a GIF check", "arch/x86/kvm/svm/svm.c db_interception");
    private static readonly Dictionary<string, ulong> Labels = new() { ["target"] = 0x401010, ["after"] = 0x401011 };

    private static MachineState State(params (string, ulong)[] fields) =>
        new(fields.ToDictionary(f => f.Item1, f => f.Item2), a => a == 0x401010 ? 7UL : null);

    private static MachineEvent Event(int seq, EventId id, Disposition d, ulong rip, Rule rule, ulong? before = null, MachineState? at = null) =>
        new(seq, id, "dr0 execute match", d, rip, before, rule, at, seq, false)
        {
            DeliveryOrder = d is Disposition.Delivered or Disposition.DeliveredAfterPending ? seq : null,
        };

    private static JudgeContext Context(RunEnd end, params MachineEvent[] events) =>
        new(new Outcome("p", end, 9, events, State(("gif", 1), ("rax", 0x401)), []), Labels);

    [Fact]
    public void DiscardedBreakpoint_SatisfiesNoDb_AndDiscarded_ButNotDelivered()
    {
        var c = Context(RunEnd.Halted, Event(0, EventId.DebugException, Disposition.Discarded, 0x401010, Discard));
        Assert.True(new NoEventAssertion(EventId.DebugException).Judge(c).Holds);
        Assert.True(new DiscardedAssertion(EventId.DebugException).Judge(c).Holds);
        var j = new DeliveredAssertion(EventId.DebugException, new LabelRef("target", 0), null).Judge(c);
        Assert.False(j.Holds);
        Assert.Contains("discarded at target", j.Observed, StringComparison.Ordinal);
        Assert.Contains("APM Vol. 2 15.17", j.Observed, StringComparison.Ordinal);
        Assert.NotNull(j.Divergence);
    }

    [Fact]
    public void DeliveredWith_ComparesStateAtDelivery()
    {
        var c = Context(RunEnd.Halted, Event(0, EventId.DebugException, Disposition.Delivered, 0x401010, Deliver, at: State(("dr6", 0xffff0ff1))));
        var at = new LabelRef("target", 0);
        Assert.True(new DeliveredAssertion(EventId.DebugException, at, new FieldCheck("dr6", 0xffff0ff1, null)).Judge(c).Holds);
        var wrong = new DeliveredAssertion(EventId.DebugException, at, new FieldCheck("dr6", 0xffff0ff2, null)).Judge(c);
        Assert.False(wrong.Holds);
        Assert.Contains("0xffff0ff1", wrong.Observed, StringComparison.Ordinal);
        Assert.False(new NoEventAssertion(EventId.DebugException).Judge(c).Holds);
    }

    [Fact]
    public void PendingUntil_NeedsDeliveryAfterPendingBeforeTheLabel()
    {
        var held = Event(0, EventId.Nmi, Disposition.DeliveredAfterPending, 0x401010, Deliver, before: 0x401011);
        Assert.True(new PendingUntilAssertion(EventId.Nmi, new LabelRef("after", 0)).Judge(Context(RunEnd.Halted, held)).Holds);
        Assert.False(new PendingUntilAssertion(EventId.Nmi, new LabelRef("target", 0)).Judge(Context(RunEnd.Halted, held)).Holds);
        var direct = held with { Disposition = Disposition.Delivered };
        Assert.False(new PendingUntilAssertion(EventId.Nmi, new LabelRef("after", 0)).Judge(Context(RunEnd.Halted, direct)).Holds);
    }

    [Fact]
    public void Count_And_Before_UseDeliveriesOnly()
    {
        var c = Context(RunEnd.Halted,
            Event(0, EventId.Intr(0x20), Disposition.Delivered, 0x401010, Deliver),
            Event(1, EventId.Nmi, Disposition.Delivered, 0x401010, Deliver),
            Event(2, EventId.Intr(0x20), Disposition.Discarded, 0x401010, Discard));
        Assert.True(new CountAssertion(EventId.Intr(0x20), 1).Judge(c).Holds);
        Assert.False(new CountAssertion(EventId.Intr(0x20), 2).Judge(c).Holds);
        Assert.True(new BeforeAssertion(EventId.Intr(0x20), EventId.Nmi).Judge(c).Holds);
        Assert.False(new BeforeAssertion(EventId.Nmi, EventId.Intr(0x20)).Judge(c).Holds);
    }

    [Fact]
    public void FinalState_AndMemory_AndEnd()
    {
        var c = Context(RunEnd.BudgetExceeded);
        Assert.True(new FinalStateAssertion(new FieldCheck("gif", 1, null)).Judge(c).Holds);
        Assert.False(new FinalStateAssertion(new FieldCheck("rax", 2, null)).Judge(c).Holds);
        Assert.True(new FinalStateAssertion(new FieldCheck("[target]", 7, new LabelRef("target", 1))).Judge(c).Holds);
        Assert.True(new EndAssertion(RunEnd.BudgetExceeded).Judge(c).Holds);
        var halted = new EndAssertion(RunEnd.Halted).Judge(c);
        Assert.False(halted.Holds);
        Assert.Equal("budget exceeded", halted.Observed);
    }

    /// <summary>An NMI raised first but held, and an INT3 raised later and delivered at once.</summary>
    [Fact]
    public void Before_FollowsDeliveryOrder_NotRaiseOrder()
    {
        var nmi = Event(0, EventId.Nmi, Disposition.DeliveredAfterPending, 0x401010, Deliver, before: 0x401011) with { DeliveryOrder = 1 };
        var bp = Event(1, EventId.Exception(3), Disposition.Delivered, 0x401011, Deliver) with { DeliveryOrder = 0 };
        var c = Context(RunEnd.Halted, nmi, bp);
        Assert.True(new BeforeAssertion(EventId.Exception(3), EventId.Nmi).Judge(c).Holds);
        var wrong = new BeforeAssertion(EventId.Nmi, EventId.Exception(3)).Judge(c);
        Assert.False(wrong.Holds);
        Assert.Contains("#BP delivered first", wrong.Observed, StringComparison.Ordinal);
        Assert.Same(bp, wrong.Divergence);
    }

    [Fact]
    public void Before_ComparesTheFirstDeliveryOfEach()
    {
        var c = Context(RunEnd.Halted,
            Event(0, EventId.Nmi, Disposition.Delivered, 0x401010, Deliver) with { DeliveryOrder = 2 },
            Event(1, EventId.Intr(0x20), Disposition.Delivered, 0x401010, Deliver) with { DeliveryOrder = 1 },
            Event(2, EventId.Nmi, Disposition.Delivered, 0x401010, Deliver) with { DeliveryOrder = 0 });
        Assert.True(new BeforeAssertion(EventId.Nmi, EventId.Intr(0x20)).Judge(c).Holds);
        Assert.False(new BeforeAssertion(EventId.Intr(0x20), EventId.Nmi).Judge(c).Holds);
    }

    [Fact]
    public void LabelValues_CompareWithTheLabelsAddress()
    {
        var c = Context(RunEnd.Halted);
        var holds = new FinalStateAssertion(new FieldCheck("rax", 0, null, null, new LabelRef("base", 6)));
        Assert.False(holds.Judge(new JudgeContext(c.Outcome, new Dictionary<string, ulong> { ["base"] = 0x402 })).Holds);
        Assert.True(holds.Judge(new JudgeContext(c.Outcome, new Dictionary<string, ulong> { ["base"] = 0x401 })).Holds);
        // [target] holds 7: a label at 7 matches, and the failure names what was expected by name.
        var memory = new FieldCheck("[target]", 0, new LabelRef("target", 1), null, new LabelRef("seven", 11));
        var labels = new Dictionary<string, ulong>(Labels) { ["seven"] = 7 };
        Assert.True(new FinalStateAssertion(memory).Judge(new JudgeContext(c.Outcome, labels)).Holds);
        labels["seven"] = 8;
        var fails = new FinalStateAssertion(memory).Judge(new JudgeContext(c.Outcome, labels));
        Assert.False(fails.Holds);
        Assert.Equal("[target] = seven at the end", fails.Expected);
    }

    [Fact]
    public void NoEventAt_FailsOnlyForADeliveryAtThatInstruction()
    {
        var target = new LabelRef("target", 0);
        var elsewhere = Context(RunEnd.Halted, Event(0, EventId.DebugException, Disposition.Delivered, 0x401011, Deliver));
        Assert.True(new NoEventAtAssertion(EventId.DebugException, target).Judge(elsewhere).Holds);
        var discardedThere = Context(RunEnd.Halted, Event(0, EventId.DebugException, Disposition.Discarded, 0x401010, Discard));
        Assert.True(new NoEventAtAssertion(EventId.DebugException, target).Judge(discardedThere).Holds);
        var there = Context(RunEnd.Halted,
            Event(0, EventId.DebugException, Disposition.Delivered, 0x401011, Deliver),
            Event(1, EventId.DebugException, Disposition.DeliveredAfterPending, 0x401010, Deliver));
        var j = new NoEventAtAssertion(EventId.DebugException, target).Judge(there);
        Assert.False(j.Holds);
        Assert.Equal(1, j.Divergence!.Sequence);
    }

    [Fact]
    public void FrameFields_AreJudgedPerDelivery()
    {
        var at = new LabelRef("target", 0);
        var first = Event(0, EventId.Exception(13), Disposition.Delivered, 0x401010, Deliver) with
        {
            Frame = new InterruptFrame(0x401010, 0x08, 0x2, 0x450000, 0x10, 0),
        };
        var second = Event(1, EventId.Exception(13), Disposition.Delivered, 0x401010, Deliver) with
        {
            Frame = new InterruptFrame(0x401011, 0x08, 0x10002, 0x450000, 0x10, 4),
        };
        var c = Context(RunEnd.Halted, first, second);
        Assert.True(Judge(c, at, new FieldCheck("frame.rip", 0, null, null, new LabelRef("after", 0))).Holds);
        Assert.True(Judge(c, at, new FieldCheck("frame.rflags.rf", 1, null)).Holds);
        Assert.True(Judge(c, at, new FieldCheck("frame.error", 4, null)).Holds);
        var wrong = Judge(c, at, new FieldCheck("frame.error", 8, null));
        Assert.False(wrong.Holds);
        Assert.Contains("frame.error = 0, 4", wrong.Observed, StringComparison.Ordinal);
        var noFrame = Context(RunEnd.Halted, Event(0, EventId.Exception(13), Disposition.Delivered, 0x401010, Deliver));
        Assert.Contains("(not available)", Judge(noFrame, at, new FieldCheck("frame.rip", 0x401010, null)).Observed, StringComparison.Ordinal);
    }

    private static Judgement Judge(JudgeContext c, LabelRef at, FieldCheck check) =>
        new DeliveredAssertion(EventId.Exception(13), at, check).Judge(c);
}
