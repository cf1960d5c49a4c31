using Errata.Machine.Events;
using Errata.Machine.Tests.Support;
using static Iced.Intel.AssemblerRegisters;

namespace Errata.Machine.Tests.MachineTests;

/// <summary>The wall-clock limit ends a run that the budget would let run on; it never changes where a budget ends.</summary>
public sealed class WallClockTests
{
    /// <summary>An endless loop of a fast form (jmp) and, optionally, a memory instruction that leaves the chain of fast forms.</summary>
    private static TestProgram Spin(long budget, bool withMemory) => Spin(budget, withMemory, out _);

    private static TestProgram Spin(long budget, bool withMemory, out Iced.Intel.Label loop)
    {
        var p = new TestProgram { Budget = budget };
        loop = p.Label();
        p.At(ref loop);
        if (withMemory)
        {
            p.Asm.push(rax);
            p.Asm.pop(rax);
        }
        p.Asm.jmp(loop);
        return p;
    }

    [Theory]
    [MemberData(nameof(AllProfiles.Names), MemberType = typeof(AllProfiles))]
    public void EndlessLoop_PastTheTimeout_EndsTimedOut_BeforeTheBudget(string profile)
    {
        // 50 million instructions cannot run in a millisecond, so the clock ends the run first.
        var p = Spin(50_000_000, withMemory: false, out var loop);
        var o = p.Run(profile, timeout: TimeSpan.FromMilliseconds(1));
        Assert.Equal(RunEnd.TimedOut, o.End);
        Assert.InRange(o.Instructions, 1, 50_000_000 - 1);
        Assert.Contains("wall-clock limit", o.StopReason, StringComparison.Ordinal);
        Assert.Equal(p.Address(loop), o.StopRip);
    }

    [Theory]
    [InlineData(false, 65_535)]
    [InlineData(false, 65_536)]
    [InlineData(false, 200_001)]
    [InlineData(true, 200_001)]
    public void Budget_SpanningClockChecks_EndsExactlyAtTheBudget(bool withMemory, long budget)
    {
        var o = Spin(budget, withMemory).Run("apm", timeout: TimeSpan.FromMinutes(10));
        Assert.Equal(RunEnd.BudgetExceeded, o.End);
        Assert.Equal(budget, o.Instructions);
    }
}
