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
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ReadsEveryAssertionForm(string text, Assertion expected)
    {
        var r = AssertionParser.Parse(text);
        Assert.Null(r.Error);
        Assert.Equal(expected, r.Assertion);
    }

    [Theory]
    [InlineData("#QQ", 0, 3)]
    [InlineData("no bogus", 3, 5)]
    [InlineData("#DB count many", 10, 4)]
    [InlineData("colour = 1", 0, 6)]
    [InlineData("rax = lots", 5, 5)]
    [InlineData("#DB at 12x", 7, 3)]
    public void Parse_LocatesTheProblem(string text, int offset, int length)
    {
        var r = AssertionParser.Parse(text);
        Assert.Null(r.Assertion);
        Assert.NotNull(r.Error);
        Assert.Equal((offset, length), (r.ErrorOffset, r.ErrorLength));
    }
}
