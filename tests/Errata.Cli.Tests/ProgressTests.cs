using Errata.Cli.Progress;
using Errata.Site.Building;
using Errata.Site.Reports;
using Spectre.Console;

namespace Errata.Cli.Tests;

/// <summary>Progress of `build` and `check`: on standard error, plain lines outside a terminal or under CI, and never in a report.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-progress-").FullName;

    private const string Good = "# Good\n\n```scenario ok\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n";
    private const string Failing = "# Failing\n\n```scenario no\nprofiles: apm, kvm\ncode:\n  hlt\nexpect: timed out\n```\n";

    public ProgressTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "docs", "index.md"), Good);
        File.WriteAllText(Path.Combine(_dir, "docs", "failing.md"), Failing);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Check_NotInATerminal_PrintsAPlainLinePerPhase_BeforeTheDiagnostics()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(1, exit);
        Assert.StartsWith("read 2 document(s)\nverified 2 scenario(s)\ndocs/failing.md(", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AlsoSaysThePagesItWrote_AndTimingsClose()
    {
        var (exit, output, err) = CliRunner.Run(_dir, "build", "--timings");
        Assert.Equal(1, exit);
        Assert.StartsWith("read 2 document(s)\nverified 2 scenario(s)\nwrote 2 page(s)\n", err, StringComparison.Ordinal);
        Assert.Matches(@"\ntimings: read \d+\.\d\d s, verify \d+\.\d\d s, render \d+\.\d\d s, total \d+\.\d\d s\n$", err);
        Assert.DoesNotContain("document(s)\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("github")]
    public void Reports_AreByteForByteTheReportOfABuildWithoutProgress(string format)
    {
        var (exit, output, err) = CliRunner.Run(_dir, "check", "--format", format);
        Assert.Equal(1, exit);
        Assert.Contains("verified 2 scenario(s)", err, StringComparison.Ordinal);
        var outcome = CliRunner.InFolder(_dir, () => SiteBuilder.Build(new BuildOptions("site.config.json", WriteSite: false)).Outcome);
        var expected = format switch
        {
            "json" => JsonReport.Write(outcome),
            "junit" => JunitReport.Write(outcome),
            "github" => GithubReport.Write(outcome),
            _ => outcome.Summary + "\n",
        };
        Assert.Equal(expected, output);

        var (_, summary, _) = CliRunner.Run(_dir, "check", "--format", format, "--report", "r.out");
        Assert.Equal(expected, File.ReadAllText(Path.Combine(_dir, "r.out")));
        Assert.Equal(outcome.Summary + "\n", summary);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "false", true)]
    [InlineData(true, "0", true)]
    [InlineData(true, "1", false)]
    [InlineData(true, "true", false)]
    [InlineData(false, null, false)]
    [InlineData(false, "", false)]
    public void LiveBars_OnlyInATerminal_OutsideCi(bool terminal, string? ci, bool live) =>
        Assert.Equal(live, ProgressDisplay.IsLive(terminal, ci));

    [Fact]
    public void PlainLines_ForALargePhase_AreOneEachTenth_InOrder_FromParallelCallers()
    {
        var err = new StringWriter();
        var progress = new PlainProgress(err);
        const int total = 1500;
        progress.Started(BuildPhase.Verify, total);
        var done = 0;
        Parallel.For(0, total, _ => progress.Advanced(BuildPhase.Verify, Interlocked.Increment(ref done), total));
        progress.Finished(BuildPhase.Verify, total, TimeSpan.FromSeconds(1));
        var expected = Enumerable.Range(1, 9).Select(t => $"verifying: {t * 10}% of 1500 scenario(s)\n").Append("verified 1500 scenario(s)\n");
        Assert.Equal(string.Concat(expected), err.ToString());
    }

    [Fact]
    public void PlainLines_ForASmallPhase_AreOnlyItsEnd()
    {
        var err = new StringWriter();
        var progress = new PlainProgress(err);
        progress.Started(BuildPhase.Read, PlainProgress.Stepped - 1);
        for (var i = 1; i < PlainProgress.Stepped; i++) progress.Advanced(BuildPhase.Read, i, PlainProgress.Stepped - 1);
        progress.Finished(BuildPhase.Read, PlainProgress.Stepped - 1, TimeSpan.Zero);
        Assert.Equal($"read {PlainProgress.Stepped - 1} document(s)\n", err.ToString());
    }

    [Fact]
    public void LargeBuild_NotInATerminal_SaysEachTenthOfTheDocuments_NotEachDocument()
    {
        for (var i = 0; i < 150; i++) File.WriteAllText(Path.Combine(_dir, "docs", $"p{i:000}.md"), $"# Page {i}\n");
        var (_, _, err) = CliRunner.Run(_dir, "check");
        var lines = err.Split('\n').TakeWhile(l => !l.StartsWith("docs/", StringComparison.Ordinal)).ToList();
        Assert.Equal([.. Enumerable.Range(1, 9).Select(t => $"reading: {t * 10}% of 152 document(s)"), "read 152 document(s)", "verified 2 scenario(s)"], lines);
    }

    [Fact]
    public void LiveBars_ShowEachPhaseDone_WithItsCount()
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(screen),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var result = CliRunner.InFolder(_dir, () => ProgressDisplay.Live(new BuildOptions("site.config.json"), console));
        Assert.Equal(ExitCode.ClaimsFailed, result.ExitCode);
        // The last frame, without the escapes that move the cursor and colour the bars.
        var text = System.Text.RegularExpressions.Regex.Replace(screen.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Matches(@"read\s.*2/2", text);
        Assert.Matches(@"verified\s.*2/2", text);
        Assert.Matches(@"wrote\s.*2/2", text);
    }
}
