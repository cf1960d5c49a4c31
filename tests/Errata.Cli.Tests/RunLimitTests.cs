namespace Errata.Cli.Tests;

/// <summary>A scenario that never ends is ended by the configured wall-clock limit, and claims can name that outcome.</summary>
public sealed class RunLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-limits-").FullName;

    public RunLimitTests() => Directory.CreateDirectory(Path.Combine(_dir, "docs"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string expect)
    {
        // 10 million instructions take far longer than the 1 ms limit on any machine.
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), """{ "runTimeout": 1, "defaultProfiles": ["apm"] }""");
        File.WriteAllText(Path.Combine(_dir, "docs", "spin.md"),
            $"# Spin\n\n```scenario spin\nbudget: 10_000_000\ncode:\nspin: jmp spin\nexpect: {expect}\n```\n");
    }

    [Fact]
    public void Spin_PastRunTimeout_IsTimedOut()
    {
        Write("timed out");
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.True(exit == 0, err);
    }

    [Fact]
    public void Spin_PastRunTimeout_FailsABudgetClaim_NamingTheTimeout()
    {
        Write("budget exceeded");
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(1, exit);
        Assert.Contains("expected budget exceeded; observed timed out (wall-clock limit reached after", err, StringComparison.Ordinal);
    }
}
