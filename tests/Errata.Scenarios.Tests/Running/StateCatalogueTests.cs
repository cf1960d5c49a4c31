using Errata.Diagnostics;
using Errata.Machine;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Scenarios.Tests.Parsing;

namespace Errata.Scenarios.Tests.Running;

/// <summary>The machine reports the fields of its catalogue, and a claim can name each one.</summary>
public class StateCatalogueTests
{
    private static ScenarioResult Run(string body)
    {
        var bag = new DiagnosticBag();
        var compiled = ScenarioCompiler.Compile(ScenarioParserTests.Block(body), ScenarioOptions.Default, bag);
        Assert.True(compiled is not null, string.Join("\n", bag.Items));
        return ScenarioRunner.Run(compiled);
    }

    [Fact]
    public void EveryRun_ReportsExactlyTheCatalogue_InItsOrder()
    {
        var result = Run("code:\n  mov rax, 5\n  hlt\nexpect: halted");
        Assert.All(result.Runs, run => Assert.Equal(StateFields.All.Select(f => f.Name), run.Outcome.Final.Names));
    }

    /// <summary>Each reported field, claimed with the value the run observed, holds; and with another value, fails.</summary>
    [Fact]
    public void EveryReportedField_IsClaimable_AndJudgedAgainstTheRun()
    {
        var run = Run("code:\n  mov rax, 5\n  hlt\nexpect: halted").Runs[0];
        var context = new JudgeContext(run.Outcome, new Dictionary<string, ulong>());
        foreach (var name in run.Outcome.Final.Names)
        {
            Assert.True(run.Outcome.Final.TryGet(name, out var value));
            var holds = AssertionParser.Parse($"{name} = {Hex.Format(value)}");
            Assert.True(holds.Error is null, $"'{name}': {holds.Error}");
            Assert.True(holds.Assertion!.Judge(context).Holds, name);
            Assert.False(AssertionParser.Parse($"{name} = {Hex.Format(value ^ 2)}").Assertion!.Judge(context).Holds, name);
        }
    }

    /// <summary>The other way: a name a claim accepts as a state field is one the machine reports (frame fields aside).</summary>
    [Fact]
    public void EveryClaimableStateField_IsInTheCatalogue()
    {
        var candidates = StateFields.All.Select(f => f.Name)
            .Concat(["rflags.ac", "dr4", "dr5", "cr1", "es", "cs", "ss", "tpr", "vgif", "rflags.zf", "r16", "eax", "dr6.b4", "efer.svme"]);
        foreach (var name in candidates)
        {
            var claimable = AssertionParser.Parse($"{name} = 0").Error is null;
            Assert.True(claimable == (StateFields.Find(name) is not null), name);
        }
    }

    [Fact]
    public void Cpl_IsClaimed_AsTheRunEndsAtIt()
    {
        var result = Run("code:\n  hlt\nexpect: cpl = 0\nexpect: cpl = 3");
        Assert.All(result.Runs, run =>
        {
            Assert.True(run.Verdicts[0].Holds, run.Verdicts[0].Judgement.Observed);
            Assert.False(run.Verdicts[1].Holds);
            Assert.Equal("cpl = 0", run.Verdicts[1].Judgement.Observed);
        });
    }
}
