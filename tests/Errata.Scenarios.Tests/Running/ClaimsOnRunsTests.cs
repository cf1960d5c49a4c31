using Errata.Diagnostics;
using Errata.Scenarios.Running;
using Errata.Scenarios.Tests.Parsing;

namespace Errata.Scenarios.Tests.Running;

/// <summary>The claims of the language judged on real runs of the machine, profile by profile.</summary>
public class ClaimsOnRunsTests
{
    internal static (CompiledScenario? Compiled, IReadOnlyList<Diagnostic> Diagnostics) Compile(string body)
    {
        var bag = new DiagnosticBag();
        return (ScenarioCompiler.Compile(ScenarioParserTests.Block(body), ScenarioOptions.Default, bag), bag.Items);
    }

    /// <summary>Whether each expect line held, keyed by profile and the line's text.</summary>
    private static Dictionary<(string Profile, string Claim), bool> Run(string body)
    {
        var (c, d) = Compile(body);
        Assert.Empty(d);
        return ScenarioRunner.Run(c!).Verdicts.ToDictionary(v => (v.Profile, v.Expect.Text), v => v.Holds);
    }

    private static void AssertOnEveryProfile(Dictionary<(string Profile, string Claim), bool> verdicts, string claim, bool holds)
    {
        foreach (var profile in ScenarioOptions.Default.DefaultProfiles)
            Assert.True(verdicts[(profile, claim)] == holds, $"'{claim}' on {profile}: expected {(holds ? "holds" : "fails")}");
    }

    /// <summary>The NMI is raised first and held at GIF=0; the #BP raised after it is delivered first.</summary>
    [Fact]
    public void Before_IsJudgedByDeliveryOrder()
    {
        var v = Run("""
            inject: nmi at a
            code:
              clgi
            a: nop
              int3
              stgi
            c: nop
              hlt
            expect: #BP before nmi
            expect: nmi before #BP
            expect: nmi pending until c
            """);
        AssertOnEveryProfile(v, "#BP before nmi", true);
        AssertOnEveryProfile(v, "nmi before #BP", false);
        AssertOnEveryProfile(v, "nmi pending until c", true);
    }

    [Fact]
    public void LabelsAsValues_CompareWithAddresses()
    {
        var v = Run("""
            code:
              lea rax, [rel there]
              mov [rel slot], rax
              jmp rax
              nop
            there: hlt
            data:
              slot: dq 0
            expect: rip = there
            expect: rax = there
            expect: [slot] = there
            expect: [slot] = slot
            """);
        AssertOnEveryProfile(v, "rax = there", true);
        AssertOnEveryProfile(v, "[slot] = there", true);
        AssertOnEveryProfile(v, "[slot] = slot", false);
    }

    [Fact]
    public void NoEventAtLabel_AllowsTheEventElsewhere()
    {
        var v = Run("""
            code:
            a: int3
            b: nop
              hlt
            expect: no #BP at b
            expect: no #BP at a
            expect: #BP at a
            """);
        AssertOnEveryProfile(v, "no #BP at b", true);
        AssertOnEveryProfile(v, "no #BP at a", false);
        AssertOnEveryProfile(v, "#BP at a", true);
    }

    /// <summary>
    /// An instruction breakpoint on a faulting load: the #DB frame has RF=0 and returns to the
    /// load; the #PF frame returns to the load and carries error code 0 (a read of a not-present page).
    /// </summary>
    [Fact]
    public void FrameFields_DescribeWhatTheHandlerWasGiven()
    {
        var v = Run("""
            code:
              lea rax, [rel t]
              mov dr0, rax
              mov rax, 1
              mov dr7, rax
            t: mov rax, [0]
            after: hlt
            handler #PF:
              hlt
            expect: #DB at t with frame.rip = t
            expect: #DB at t with frame.rflags.rf = 0
            expect: #DB at t with frame.rip = after
            expect: #PF at t with frame.rip = t
            expect: #PF at t with frame.error = 0
            expect: #PF at t with frame.error = 2
            expect: #PF at t with frame.cs = 8
            """);
        AssertOnEveryProfile(v, "#DB at t with frame.rip = t", true);
        AssertOnEveryProfile(v, "#DB at t with frame.rflags.rf = 0", true);
        AssertOnEveryProfile(v, "#DB at t with frame.rip = after", false);
        AssertOnEveryProfile(v, "#PF at t with frame.rip = t", true);
        AssertOnEveryProfile(v, "#PF at t with frame.error = 0", true);
        AssertOnEveryProfile(v, "#PF at t with frame.error = 2", false);
        AssertOnEveryProfile(v, "#PF at t with frame.cs = 8", true);
    }

    /// <summary>
    /// A machine check at GIF=0: held until STGI on the APM's processor (Table 15-10); KVM queues
    /// it as an exception for L1 and injects it without a GIF check.
    /// </summary>
    [Fact]
    public void InjectMc_IsHeldAtGif0OnApm_AndDeliveredAtOnceOnKvm()
    {
        var (c, d) = Compile("""
            inject: mc at a
            code:
              clgi
            a: nop
              stgi
            b: nop
              hlt
            handler #MC:
              iretq
            expect apm: #MC pending until b
            expect kvm kvm-novgif: #MC at a
            expect kvm kvm-novgif: no #MC at b
            expect: #MC count 1
            """);
        Assert.Empty(d);
        var result = ScenarioRunner.Run(c!);
        Assert.All(result.Verdicts, v => Assert.True(v.Holds, $"{v.Expect.Text} on {v.Profile}: {v.Judgement.Observed}"));
        var apm = result.Runs.Single(r => r.Profile.Name == "apm").Outcome.Events.Single();
        Assert.Equal("gif0.hold-machine-check", apm.Rule.Id);
        var kvm = result.Runs.Single(r => r.Profile.Name == "kvm").Outcome.Events.Single();
        Assert.Equal("kvm.mc-not-gif-gated", kvm.Rule.Id);
    }

    [Theory]
    [InlineData("mc")]
    [InlineData("#MC")]
    [InlineData("MC")]
    public void InjectMc_AcceptsItsNames(string name)
    {
        var (c, d) = Compile($"inject: {name} at a\ncode:\na: hlt\nexpect: #MC");
        Assert.Empty(d);
        Assert.Equal(Errata.Machine.Events.EventId.MachineCheck, Assert.Single(c!.Image.Injections).Event);
    }

    [Theory]
    [InlineData("inject: #DB at a\ncode:\na: hlt\nexpect: halted", "ERR0406", 10, 8, 3)]
    [InlineData("code:\na: hlt\nexpect: rip = nowhere", "ERR0304", 12, 14, 7)]
    [InlineData("code:\na: hlt\nexpect: rax = lots", "ERR0304", 12, 14, 4)]
    [InlineData("code:\na: hlt\nexpect: [a] = nowhere", "ERR0304", 12, 14, 7)]
    [InlineData("code:\na: hlt\nexpect: #BP at a with frame.rip = nowhere", "ERR0304", 12, 34, 7)]
    [InlineData("code:\na: hlt\nexpect: no #BP at nowhere", "ERR0304", 12, 18, 7)]
    [InlineData("code:\na: hlt\nexpect: frame.rip = a", "ERR0408", 12, 8, 9)]
    public void BadClaims_AreLocated(string body, string id, int line, int column, int length)
    {
        var (c, d) = Compile(body);
        Assert.Null(c);
        var e = Assert.Single(d);
        Assert.Equal((id, line, column, length), (e.Id, e.Span.Line, e.Span.Column, e.Span.Length));
    }

    [Fact]
    public void InjectOfAnException_NamesWhatMayBeInjected()
    {
        var (_, d) = Compile("inject: #DB at a\ncode:\na: hlt\nexpect: halted");
        Assert.Contains("mc", Assert.Single(d).Message, StringComparison.Ordinal);
    }
}
