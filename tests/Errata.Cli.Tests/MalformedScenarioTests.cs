namespace Errata.Cli.Tests;

/// <summary>Each malformed input gives its own located, compiler-style error and exit 2, never a stack trace.</summary>
public sealed class MalformedScenarioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-bad-").FullName;

    public MalformedScenarioTests() => Directory.CreateDirectory(Path.Combine(_dir, "docs"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Body lines start at document line 4 (one-based): "# T", "", "```scenario t".</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "profiles: apm\ncode:\n  movz rax, 1\n  hlt\nexpect: halted", "(6,3): error ERR0301", "unknown mnemonic 'movz'" },
        { "profiles: apm\ncode:\n  mov rax, dr9\n  hlt\nexpect: halted", "(6,12): error ERR0302", "invalid operand 'dr9'" },
        { "profiles: apm\ncode:\nx: nop\nx: hlt\nexpect: halted", "(7,1): error ERR0303", "label 'x' is defined twice" },
        { "profiles: apm\ncode:\n  jmp nowhere\nexpect: halted", "(6,7): error ERR0304", "undefined label 'nowhere'" },
        { "profiles: apm xen\ncode:\n  hlt\nexpect: halted", "(4,15): error ERR0403", "unknown profile 'xen'" },
        { "profiles: apm\ncode:\n  hlt\nexpect xen: halted", "(7,8): error ERR0403", "unknown profile 'xen'" },
        { "profiles: apm\ncode:\n  hlt\nexpect: #XX at start", "(7,9): error ERR0408", "unknown event '#XX'" },
        { "profiles: apm\ncode:\n  hlt\nexpect: #DB at start", "(7,16): error ERR0304", "undefined label 'start'" },
        { "colour: red\ncode:\n  hlt\nexpect: halted", "(4,1): error ERR0401", "unknown header key 'colour'" },
        { "profiles: apm\ndata:\n  dq 1\nexpect: halted", "(3,1): error ERR0402", "has no code: section" },
        { "profiles: apm\ncode:\n  nop\u0007\n  hlt\nexpect: halted", "(6,6): error ERR0103", "control character U+0007" },
        { "profiles: apm\ncode:\n  rdtsc\n  hlt\nexpect: halted", "(6,3): error", "'rdtsc'" },
        { "profiles: apm\nbudget: 100000000000\ncode:\nspin: jmp spin\nexpect: budget exceeded", "(5,9): error ERR0420", "above the maximum of 10,000,000 instructions" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_MalformedScenario_ExitsTwo_WithALocatedError(string body, string position, string message)
    {
        File.WriteAllText(Path.Combine(_dir, "docs", "t.md"), $"# T\n\n```scenario t\n{body}\n```\n");
        var (exit, _, err) = CliRunner.Run(_dir, "run", "docs/t.md");
        Assert.Equal(2, exit);
        var first = err.Split('\n')[0];
        Assert.StartsWith("docs/t.md" + position, first, StringComparison.Ordinal);
        Assert.Contains(message, first, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
