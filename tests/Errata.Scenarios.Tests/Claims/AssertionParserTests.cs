using Errata.Machine.Events;
using Errata.Scenarios.Claims;

namespace Errata.Scenarios.Tests.Claims;

public class AssertionParserTests
{
    public static TheoryData<string, Assertion> Valid => new()
    {
        { "#DB", new DeliveredAssertion(EventId.DebugException, null, null) },
        { "#DB at target", new DeliveredAssertion(EventId.DebugException, new LabelRef("target", 7), null) },
        { "#DB at t with dr6 = 0xffff0ff1", new DeliveredAssertion(EventId.DebugException, new LabelRef("t", 7), new FieldCheck("dr6", 0xffff0ff1, null)) },
        { "no nmi", new NoEventAssertion(EventId.Nmi) },
        { "#DB discarded", new DiscardedAssertion(EventId.DebugException) },
        { "nmi pending until after", new PendingUntilAssertion(EventId.Nmi, new LabelRef("after", 18)) },
        { "intr 0x20 count 2", new CountAssertion(EventId.Intr(0x20), 2) },
        { "nmi before intr 32", new BeforeAssertion(EventId.Nmi, EventId.Intr(32)) },
        { "rax = 1", new FinalStateAssertion(new FieldCheck("rax", 1, null)) },
        { "dr6.b0 = 0b1", new FinalStateAssertion(new FieldCheck("dr6.b0", 1, null)) },
        { "[slot] = 10h", new FinalStateAssertion(new FieldCheck("[slot]", 16, new LabelRef("slot", 1))) },
        { "[0x460070] = 0x81", new FinalStateAssertion(new FieldCheck("[0x460070]", 0x81, null, 0x460070)) },
        { "vmexit vmmcall", new DeliveredAssertion(EventId.VmExit(0x81), null, null) },
        { "budget exceeded", new EndAssertion(RunEnd.BudgetExceeded) },
        { "timed out", new EndAssertion(RunEnd.TimedOut) },
        { "shutdown", new EndAssertion(RunEnd.Shutdown) },
        { "rip = target", new FinalStateAssertion(new FieldCheck("rip", 0, null, null, new LabelRef("target", 6))) },
        { "[slot] = handler", new FinalStateAssertion(new FieldCheck("[slot]", 0, new LabelRef("slot", 1), null, new LabelRef("handler", 9))) },
        { "no #DB at target", new NoEventAtAssertion(EventId.DebugException, new LabelRef("target", 10)) },
        { "#PF at f with frame.rip = f", new DeliveredAssertion(EventId.Exception(14), new LabelRef("f", 7), new FieldCheck("frame.rip", 0, null, null, new LabelRef("f", 26))) },
        { "#DB at t with frame.rflags.rf = 1", new DeliveredAssertion(EventId.DebugException, new LabelRef("t", 7), new FieldCheck("frame.rflags.rf", 1, null)) },
        { "#GP at t with frame.error = 0", new DeliveredAssertion(EventId.Exception(13), new LabelRef("t", 7), new FieldCheck("frame.error", 0, null)) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ReadsEveryAssertionForm(string text, Assertion expected)
    {
        var r = AssertionParser.Parse(text);
        Assert.Null(r.Error);
        Assert.Equal(expected, r.Assertion);
        // Equal claims may stand at other columns; the columns read are where the labels are written.
        Assert.Equal(expected.Labels.Select(l => l.Offset), r.Assertion!.Labels.Select(l => l.Offset));
    }

    [Theory]
    [InlineData("#QQ", 0, 3)]
    [InlineData("no bogus", 3, 5)]
    [InlineData("#DB count many", 10, 4)]
    [InlineData("colour = 1", 0, 6)]
    [InlineData("rax = 12x", 6, 3)]
    [InlineData("#DB at 12x", 7, 3)]
    [InlineData("rax = 1+2", 6, 3)]
    [InlineData("rax =", 5, 1)]
    [InlineData("no #DB at 12x", 10, 3)]
    [InlineData("no #QQ at t", 3, 3)]
    [InlineData("frame.rip = t", 0, 9)]
    [InlineData("#DB at t with frame.colour = 1", 14, 12)]
    [InlineData("#DB at t with frame.rip = [x]", 26, 3)]
    [InlineData("#DB at", 6, 1)]
    [InlineData("#DB at t discarded", 9, 9)]
    [InlineData("nmi pending b", 12, 1)]
    [InlineData("no", 2, 1)]
    [InlineData("[x = 1", 0, 2)]
    [InlineData("[1+2] = 1", 0, 5)]
    [InlineData("nmi before", 10, 1)]
    [InlineData("halted now", 0, 10)]
    [InlineData("no at x", 3, 2)]
    [InlineData("[0x900000]", 0, 10)]
    [InlineData("#DB  count  many", 12, 4)]
    public void Parse_LocatesTheProblem(string text, int offset, int length)
    {
        var r = AssertionParser.Parse(text);
        Assert.Null(r.Assertion);
        Assert.NotNull(r.Error);
        Assert.Equal((offset, length), (r.ErrorOffset, r.ErrorLength));
    }

    [Fact]
    public void Cpl_IsAStateField_LikeEveryFieldTheMachineReports()
    {
        Assert.Equal(new FinalStateAssertion(new FieldCheck("cpl", 3, null)), AssertionParser.Parse("cpl = 3").Assertion);
        Assert.Equal(new DeliveredAssertion(EventId.Exception(13), new LabelRef("t", 7), new FieldCheck("cpl", 0, null)),
            AssertionParser.Parse("#GP at t with cpl = 0").Assertion);
    }

    /// <summary>A number starts with a digit, as NASM reads one, so `_9` names a label.</summary>
    [Fact]
    public void AValueStartingWithAnUnderscore_IsALabel()
    {
        Assert.Equal(new FinalStateAssertion(new FieldCheck("rax", 0, null, null, new LabelRef("_9", 6))), AssertionParser.Parse("rax = _9").Assertion);
        Assert.Equal(new FinalStateAssertion(new FieldCheck("rax", 1000, null)), AssertionParser.Parse("rax = 1_000").Assertion);
    }

    /// <summary>Columns are those of the words, not of the spaces before them, so an undefined label is reported at it.</summary>
    [Fact]
    public void LabelColumns_AreTheLabels_WhateverTheSpacing()
    {
        Assert.Equal([9], AssertionParser.Parse("#DB  at  t").Assertion!.Labels.Select(l => l.Offset));
        Assert.Equal([3, 11], AssertionParser.Parse("[  s ]  =  v").Assertion!.Labels.Select(l => l.Offset));
    }

    [Fact]
    public void FrameField_OutsideADelivery_SaysWhereItBelongs()
    {
        var r = AssertionParser.Parse("frame.error = 0");
        Assert.Contains("EVENT at LABEL with frame.error = VALUE", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsNamed_IncludeTheValueLabel_AtItsColumn()
    {
        var r = AssertionParser.Parse("#PF at f with frame.rip = back");
        Assert.Equal([new LabelRef("f", 7), new LabelRef("back", 26)], r.Assertion!.Labels);
        Assert.Equal([new LabelRef("slot", 1), new LabelRef("h", 9)], AssertionParser.Parse("[slot] = h").Assertion!.Labels);
    }
}
