namespace Errata.Cli.Tests;

/// <summary>A command line errata cannot take: one `errata COMMAND: error:` line per problem with the closest known word, a pointer to the help, exit 2, nothing run.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-usage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Err) Refused(params string[] args)
    {
        var (exit, output, err) = CliRunner.Run(_dir, args);
        Assert.Equal("", output);
        // Nothing ran: no site, no scaffold, no report.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
        return (exit, err);
    }

    [Theory]
    [InlineData(new[] { "check", "-strict" }, "errata check: error: unknown option '-strict' (did you mean '--strict'?)")]
    [InlineData(new[] { "build", "-config", "x.json" }, "errata build: error: unknown option '-config' (did you mean '--config'?)")]
    // The parser could take `-config` as the document: it is refused all the same.
    [InlineData(new[] { "run", "-config", "x.json" }, "errata run: error: unknown option '-config' (did you mean '--config'?)")]
    [InlineData(new[] { "run", "doc.md", "--scenaro", "a" }, "errata run: error: unknown option '--scenaro' (did you mean '--scenario'?)")]
    [InlineData(new[] { "check", "--timing" }, "errata check: error: unknown option '--timing' (did you mean '--timings'?)")]
    [InlineData(new[] { "check", "--format=jsno" }, "errata check: error: unknown format 'jsno' (did you mean 'json'?); expected one of: text, json, junit, github, sarif")]
    [InlineData(new[] { "serve", "--port", "70000" }, "errata serve: error: port '70000' is not a number from 1 to 65535")]
    [InlineData(new[] { "chekc" }, "errata: error: unknown command 'chekc' (did you mean 'check'?); expected one of: build, check, run, accept, init, serve, merge-reports")]
    public void Typos_NameTheClosestKnownWord(string[] args, string expected)
    {
        var (exit, err) = Refused(args);
        Assert.Equal(2, exit);
        var help = args[0] is "chekc" ? "run 'errata --help' for the commands" : $"run 'errata {args[0]} --help' for its options and an example";
        Assert.Equal($"{expected}\n{help}\n", err);
    }

    [Theory]
    [InlineData(new[] { "check", "docs" }, "errata check: error: unexpected argument 'docs'")]
    [InlineData(new[] { "run", "a.md", "b.md" }, "errata run: error: unexpected argument 'b.md'")]
    [InlineData(new[] { "init", "a", "b" }, "errata init: error: unexpected argument 'b'")]
    [InlineData(new[] { "--version", "build" }, "errata build: error: unknown option '--version'")]
    public void ExtraArguments_AreErrors(string[] args, string expected)
    {
        var (exit, err) = Refused(args);
        Assert.Equal(2, exit);
        Assert.StartsWith(expected, err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run" }, "errata run: error: expected FILE, the document (.md or .rst)")]
    [InlineData(new[] { "accept", "--dry-run" }, "errata accept: error: expected FILE, the document (.md or .rst)")]
    [InlineData(new[] { "check", "--config" }, "errata check: error: option '--config' needs a value (FILE)")]
    [InlineData(new[] { "run", "doc.md", "--scenario" }, "errata run: error: option '--scenario' needs a value (NAME)")]
    public void MissingWords_AreErrors_NamedAsTheHelpNamesThem(string[] args, string expected)
    {
        var (exit, err) = Refused(args);
        Assert.Equal(2, exit);
        Assert.Equal($"{expected}\nrun 'errata {args[0]} --help' for its options and an example\n", err);
    }

    [Fact]
    public void AnOptionsValue_MayStartWithADash()
    {
        // `--scenario -x` names the scenario `-x`: the document is read, and says it has no such scenario.
        File.WriteAllText(Path.Combine(_dir, "doc.md"), "# D\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        var (exit, _, err) = CliRunner.Run(_dir, "run", "doc.md", "--scenario", "-x");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("unknown option", err, StringComparison.Ordinal);
        Assert.Contains("'-x'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterTwoDashes_ADashedWordIsTheDocument()
    {
        File.WriteAllText(Path.Combine(_dir, "-x.md"), "# D\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n");
        var (exit, _, err) = CliRunner.Run(_dir, "run", "--", "-x.md");
        Assert.True(exit == 0, err);
        Assert.Contains("1 of 1 claim(s) hold", err, StringComparison.Ordinal);
    }
}
