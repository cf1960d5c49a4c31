using System.CommandLine;
using Errata.Cli.CommandLine;

namespace Errata.Cli.Tests;

/// <summary>`--help`, `-h` and `errata help`: on standard output, exit 0, with every option and an example that parses.</summary>
public sealed class HelpTests
{
    // Not the working folder: other tests change it while they run a command.
    private static readonly string Here = AppContext.BaseDirectory;

    public static TheoryData<string, string[]> CommandsAndTheirOptions => new()
    {
        { "build", ["--config <FILE>", "--output <DIR>", "--strict", "--timings", "--no-cache", "--verbose", "--backend <builtin|qemu>"] },
        { "check", ["--config <FILE>", "--format <text|json|junit|github|sarif>", "--report <FILE>", "--path <GLOB>", "--scenario <NAME>", "--profile <PROFILE>", "--fail-fast", "--shard <INDEX/COUNT>", "--mutate", "--strict", "--timings", "--no-cache", "--verbose", "--backend <builtin|qemu>"] },
        { "run", ["<FILE>", "--scenario <NAME>", "--profile <PROFILE>", "--json", "--trace", "--config <FILE>", "--backend <builtin|qemu>"] },
        { "accept", ["<FILE>", "--scenario <NAME>", "--add-missing", "--dry-run", "--config <FILE>"] },
        { "init", ["<DIR>"] },
        { "serve", ["--config <FILE>", "--port <N>", "--timings"] },
        { "merge-reports", ["<FILE>...", "--report <FILE>"] },
    };

    [Theory]
    [MemberData(nameof(CommandsAndTheirOptions))]
    public void EveryCommand_HelpListsItsOptions_AndAnExample(string command, string[] options)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var (exit, output, err) = CliRunner.Run(Here, command, help);
            Assert.True(exit == 0, err);
            Assert.Equal("", err);
            Assert.Contains($"Usage:\n  errata {command}", output, StringComparison.Ordinal);
            foreach (var option in options) Assert.Contains(option, output, StringComparison.Ordinal);
            Assert.Matches($@"Example:\n  errata {command} \S", output);
        }
    }

    [Fact]
    public void EveryCommand_IsCoveredAbove_AndItsExampleIsACommandLineItAccepts()
    {
        var commands = CommandTree.Root.Subcommands.OfType<ErrataCommand>().ToList();
        Assert.Equal(CommandsAndTheirOptions.Select(row => (string)row[0]).Order(), commands.Select(c => c.Name).Order());
        foreach (var command in commands)
        {
            // The example's words after `errata`, up to a shell redirection.
            var words = command.Example.Split(' ').TakeWhile(w => w != ">").Skip(1).ToArray();
            var parsed = CommandTree.Root.Parse(words);
            Assert.True(parsed.Errors.Count == 0, $"{command.Example}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.Same(command, parsed.CommandResult.Command);
            Assert.Equal("", Errors(words));
        }
    }

    [Fact]
    public void NoCommand_PrintsTheUsage_AndExitsTwo()
    {
        var (exit, output, _) = CliRunner.Run(Here);
        Assert.Equal(2, exit);
        foreach (var name in new[] { "build", "check", "run", "accept", "init", "serve", "merge-reports" })
            Assert.Matches($@"\n  {name}\b", output);
        Assert.Contains("errata COMMAND --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TopLevelHelp_IsTheSameUsage_ExitZero()
    {
        var (_, usage, _) = CliRunner.Run(Here);
        foreach (var args in new[] { new[] { "--help" }, ["-h"], ["help"] })
        {
            var (exit, output, err) = CliRunner.Run(Here, args);
            Assert.True(exit == 0, err);
            Assert.Equal(usage, output);
        }
    }

    [Fact]
    public void HelpWord_WithACommand_IsThatCommandsHelp()
    {
        var (exit, output, _) = CliRunner.Run(Here, "help", "check");
        Assert.Equal(0, exit);
        Assert.Equal(CliRunner.Run(Here, "check", "--help").Out, output);
        var (unknown, _, err) = CliRunner.Run(Here, "help", "chek");
        Assert.Equal(2, unknown);
        Assert.Contains("unknown command 'chek' (did you mean 'check'?)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheToolAndTheMachine()
    {
        var (exit, output, _) = CliRunner.Run(Here, "--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^errata \d+\.\d+\.\d+\S* \(portable, \.NET \d+\.\d+\.\d+\)\nmachine \S+\n$", output);
    }

    private static string Errors(string[] words)
    {
        var err = new StringWriter();
        UsageErrors.Report(CommandTree.Root.Parse(words), words, err);
        return err.ToString();
    }
}
