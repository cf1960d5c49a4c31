using Errata.Diagnostics;
using Errata.Scenarios.Running;
using Errata.Testing;

namespace Errata.Scenarios.Tests.Running;

/// <summary>Gap lines: read by the claim grammar, checked against the profiles run, judged across all runs.</summary>
public class GapLineTests
{
    private const string Breakpoint = ScenarioFixtures.BreakpointAtGif0;

    private static (CompiledScenario? Compiled, IReadOnlyList<Diagnostic> Diagnostics) Compile(string body) => ClaimsOnRunsTests.Compile(body);

    private static ScenarioResult Run(string body)
    {
        var (c, d) = Compile(body);
        Assert.Empty(d);
        return ScenarioRunner.Run(c!);
    }

    private static string Failures(ScenarioResult r) => string.Join(",", r.FailedClaims().Select(d => d.Id));

    [Fact]
    public void Gap_ThatHoldsOnExactlyTheNamedProfiles_Holds()
    {
        var r = Run(Breakpoint + "gap apm: #DB discarded\ngap kvm kvm-novgif: #DB at target");
        Assert.All(r.Gaps, g => Assert.Equal(GapState.Holds, g.State));
        Assert.Equal(2, r.Gaps.Count);
        Assert.Empty(r.NewDifferences);
        Assert.True(r.AllHold);
        Assert.Equal("", Failures(r));
    }

    [Fact]
    public void Gap_WhoseClaimHoldsEverywhere_IsClosed_AtTheGapLine()
    {
        var r = Run(Breakpoint + "gap apm: #DB discarded\ngap apm kvm: halted");
        var closed = Assert.Single(r.Gaps, g => !g.Holds);
        Assert.Equal(GapState.Closed, closed.State);
        Assert.False(r.AllHold);
        var d = Assert.Single(r.FailedClaims());
        Assert.Equal("ERR0264", d.Id);
        Assert.Equal(closed.Gap.Span, d.Span);
        Assert.Contains("hold on apm kvm and fail on kvm-novgif", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gap_OnTheWrongSides_HasMoved()
    {
        var r = Run(Breakpoint + "gap kvm: #DB at target");
        var g = Assert.Single(r.Gaps);
        Assert.Equal(GapState.Moved, g.State);
        Assert.Equal([true, true, false], g.Cells.Select(c => c.Holds == c.Stated));
        Assert.Equal("ERR0265", Failures(r));
    }

    [Fact]
    public void Difference_NoGapLineSpeaksAbout_IsNew()
    {
        // The gap line is about the final state, which covers no event: #DB's different fates are new.
        var r = Run(Breakpoint + "gap apm kvm: rflags.tf = 0\nexpect: halted");
        var d = Assert.Single(r.NewDifferences);
        Assert.Equal("#DB", d.Name);
        Assert.Equal(["discarded", "delivered", "delivered"], d.Fates.Select(f => f.Fate));
        Assert.Contains("ERR0266", Failures(r), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioWithoutGapLines_IsNotCompared()
    {
        var r = Run(Breakpoint + "expect apm: #DB discarded\nexpect kvm kvm-novgif: #DB at target");
        Assert.Empty(r.NewDifferences);
        Assert.True(r.AllHold);
    }

    [Fact]
    public void OneProfileOfSeveral_JudgesNoGap()
    {
        var (c, _) = Compile(Breakpoint + "gap kvm: #DB at target");
        var r = ScenarioRunner.Run(c!, onlyProfile: "kvm");
        Assert.Empty(r.Gaps);
        Assert.Empty(r.NewDifferences);
        Assert.True(r.AllHold);
    }

    /// <summary>Columns count from 0 in these blocks.</summary>
    [Theory]
    [InlineData("gap: #DB discarded", "ERR0261", 0, 3)]
    [InlineData("gap apm #DB discarded", "ERR0260", 0, 21)]
    [InlineData("gap apm kvm kvm-novgif: #DB discarded", "ERR0263", 4, 3)]
    [InlineData("gap nope: #DB discarded", "ERR0403", 4, 4)]
    [InlineData("gap apm: #DB frob", "ERR0408", 9, 8)]
    [InlineData("gap apm: #DB at nowhere", "ERR0304", 16, 7)]
    public void MalformedGapLine_IsOneErrorAtItsColumn(string line, string id, int column, int length)
    {
        var (c, d) = Compile(Breakpoint + line);
        Assert.Null(c);
        var e = Assert.Single(d);
        Assert.Equal(id, e.Id);
        Assert.Equal(Severity.Error, e.Severity);
        Assert.Equal((column, length), (e.Span.Column, e.Span.Length));
    }

    [Fact]
    public void GapLine_NamingAProfileNotRun_IsAnError()
    {
        var (c, d) = Compile("profiles: apm kvm\n" + Breakpoint + "gap kvm-novgif: #DB at target");
        Assert.Null(c);
        Assert.Equal("ERR0262", Assert.Single(d).Id);
    }
}
