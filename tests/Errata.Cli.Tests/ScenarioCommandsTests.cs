using System.Text.Json;

namespace Errata.Cli.Tests;

/// <summary>check, run and accept on a small site of their own.</summary>
public sealed class ScenarioCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-cli-").FullName;

    private const string Page = """
        # GIF

        ```scenario gif-db
        title: A DR0 execute breakpoint matches while GIF=0
        profiles: apm kvm

        code:
                mov rax, target
                mov dr0, rax
                mov rax, 0x401
                mov dr7, rax
                clgi
        target: nop
                stgi
                hlt

        expect apm: no #DB
        expect kvm: #DB at target with dr6 = 0xffff0ff1
        expect: halted
        ```
        """;

    public ScenarioCommandsTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "docs", "gif.md"), Page + "\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EveryVerifyingCommand_EndsWithTheSameSummary()
    {
        // The templates are the repository's, so build can write the site.
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), JsonSerializer.Serialize(new { templates = Path.Combine(Errata.Testing.RepositoryRoot.Path, "templates") }));
        const string summary = "4 of 4 claim(s) hold in 1 scenario(s) of 1 document(s)";
        var (checkExit, checkOut, _) = CliRunner.Run(_dir, "check");
        var (buildExit, buildOut, _) = CliRunner.Run(_dir, "build");
        var (runExit, _, runErr) = CliRunner.Run(_dir, "run", "docs/gif.md");
        var (acceptExit, _, acceptErr) = CliRunner.Run(_dir, "accept", "docs/gif.md", "--dry-run");

        Assert.Equal([0, 0, 0, 0], new[] { checkExit, buildExit, runExit, acceptExit });
        Assert.Equal(summary + "\n", checkOut);
        Assert.Equal($"{summary} -> _site\n", buildOut);
        Assert.EndsWith(summary + "\n", runErr, StringComparison.Ordinal);
        Assert.Contains("observed: " + summary + "\n", acceptErr, StringComparison.Ordinal);
    }

    /// <summary>Replaces docs/gif.md with <paramref name="text"/> and returns its path.</summary>
    private string WriteGifPage(string text)
    {
        var path = Path.Combine(_dir, "docs", "gif.md");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Check_AllHold_ExitsZero_AndWritesNoSite()
    {
        var (exit, output, err) = CliRunner.Run(_dir, "check");
        Assert.True(exit == 0, err);
        Assert.Contains("4 of 4 claim(s) hold", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "_site")));
    }

    [Fact]
    public void Check_FailingClaim_ExitsOne_NamingFileLineExpectedAndObserved()
    {
        File.WriteAllText(Path.Combine(_dir, "docs", "gif.md"), Page.Replace("expect apm: no #DB", "expect apm: #DB at target", StringComparison.Ordinal) + "\n");
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(1, exit);
        Assert.Contains("docs/gif.md(17,13): error ERR0601: claim '#DB at target' fails on apm", err, StringComparison.Ordinal);
        Assert.Contains("expected #DB delivered at target", err, StringComparison.Ordinal);
        Assert.Contains("observed #DB discarded at target", err, StringComparison.Ordinal);
        Assert.Contains("departed at event 0: #DB discarded at target (dr0 execute match; APM Vol. 2 15.17, Table 15-10)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void RunJson_HasTheFieldsOfScenariosMd()
    {
        var (exit, output, err) = CliRunner.Run(_dir, "run", "docs/gif.md", "--json");
        Assert.True(exit == 0, err);
        using var json = JsonDocument.Parse(output);
        var scenario = json.RootElement.GetProperty("scenarios")[0];
        Assert.Equal("gif-db", scenario.GetProperty("name").GetString());
        Assert.Equal("docs/gif.md:3", scenario.GetProperty("source").GetString());
        var kvm = scenario.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("profile").GetString() == "kvm");
        Assert.Equal("halted", kvm.GetProperty("end").GetString());
        var db = kvm.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("event").GetString() == "#DB");
        Assert.Equal("delivered", db.GetProperty("disposition").GetString());
        Assert.Equal("target", db.GetProperty("label").GetString());
        Assert.Equal("0xffff0ff1", db.GetProperty("dr6").GetString());
        Assert.Contains("db_interception", db.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, db.GetProperty("delivery").ValueKind);
        Assert.Equal(db.GetProperty("rip").GetString(), "0x" + Convert.ToUInt64(db.GetProperty("frame").GetProperty("rip").GetString(), 16).ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, db.GetProperty("frame").GetProperty("rflags.rf").GetInt32());
        Assert.True(kvm.GetProperty("claims").EnumerateArray().All(c => c.GetProperty("holds").GetBoolean()));
        var apm = scenario.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("profile").GetString() == "apm");
        Assert.Equal("discarded", apm.GetProperty("events")[0].GetProperty("disposition").GetString());
    }

    [Fact]
    public void RunTrace_ShowsInstructionsAndEventsWithRules()
    {
        var (exit, output, err) = CliRunner.Run(_dir, "run", "docs/gif.md", "--trace", "--profile", "kvm");
        Assert.True(exit == 0, err);
        Assert.Contains("scenario gif-db on kvm", output, StringComparison.Ordinal);
        Assert.Contains("clgi", output, StringComparison.Ordinal);
        Assert.Contains("** #DB delivered", output, StringComparison.Ordinal);
        Assert.Contains("db_interception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("on apm", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_RewritesOnlyTheExpectLines()
    {
        var withoutExpects = string.Join("\n", Page.Split('\n').Where(l => !l.StartsWith("expect", StringComparison.Ordinal))) + "\n";
        var path = WriteGifPage(withoutExpects);
        var (exit, _, err) = CliRunner.Run(_dir, "accept", "docs/gif.md");
        Assert.True(exit == 0, err);
        var after = File.ReadAllText(path);
        Assert.StartsWith(withoutExpects[..withoutExpects.IndexOf("```\n", 10, StringComparison.Ordinal)], after, StringComparison.Ordinal);
        Assert.Contains("expect apm: #DB discarded\n", after, StringComparison.Ordinal);
        Assert.Contains("expect kvm: #DB at target with dr6 = 0xffff0ff1\n", after, StringComparison.Ordinal);
        Assert.Contains("expect: halted\n", after, StringComparison.Ordinal);
        Assert.EndsWith("```\n", after, StringComparison.Ordinal);
        // What was accepted now holds.
        Assert.Equal(0, CliRunner.Run(_dir, "check").Exit);
    }

    [Fact]
    public void Accept_PrintsTheUnifiedDiffOfItsChange_AndWritesIt()
    {
        var path = WriteGifPage(Page.Replace("expect kvm: #DB at target with dr6 = 0xffff0ff1", "expect kvm: no #DB   ; wrong", StringComparison.Ordinal) + "\n");
        var (exit, output, err) = CliRunner.Run(_dir, "accept", "docs/gif.md");
        Assert.True(exit == 0, err);
        Assert.Equal(
            "--- a/docs/gif.md\n" +
            "+++ b/docs/gif.md\n" +
            "@@ -15,6 +15,6 @@\n" +
            "         hlt\n" +
            " \n" +
            " expect apm: no #DB\n" +
            "-expect kvm: no #DB   ; wrong\n" +
            "+expect kvm: #DB at target with dr6 = 0xffff0ff1   ; wrong\n" +
            " expect: halted\n" +
            " ```\n",
            output);
        Assert.Equal(Page.Replace("dr6 = 0xffff0ff1", "dr6 = 0xffff0ff1   ; wrong", StringComparison.Ordinal) + "\n", File.ReadAllText(path));
        Assert.Contains("accepted 1 scenario(s) in docs/gif.md (written): gif-db", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_DryRun_PrintsTheSameDiff_AndLeavesTheFileByteIdentical()
    {
        var path = WriteGifPage(Page.Replace("expect: halted", "expect: rax = 1 ; stale\nexpect: halted", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        var before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);

        var (exit, dry, err) = CliRunner.Run(_dir, "accept", "docs/gif.md", "--dry-run", "--add-missing");
        Assert.True(exit == 0, err);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Contains("-expect: rax = 1 ; stale\r\n+expect: rax = 0x401 ; stale\r\n", dry, StringComparison.Ordinal);
        Assert.Contains("(dry run, nothing written)", err, StringComparison.Ordinal);

        var (_, written, _) = CliRunner.Run(_dir, "accept", "docs/gif.md", "--add-missing");
        Assert.Equal(dry, written);
    }

    [Fact]
    public void Accept_Twice_TheSecondChangesNothing()
    {
        var path = WriteGifPage(Page.Replace("expect: halted", "expect: shutdown ; no\nexpect: gif = 0", StringComparison.Ordinal) + "\n");
        Assert.NotEqual("", CliRunner.Run(_dir, "accept", "docs/gif.md", "--add-missing").Out);
        var once = File.ReadAllText(path);
        var (exit, output, err) = CliRunner.Run(_dir, "accept", "docs/gif.md", "--add-missing");
        Assert.Equal((0, ""), (exit, output));
        Assert.Contains("(nothing to change)", err, StringComparison.Ordinal);
        Assert.Equal(once, File.ReadAllText(path));
        Assert.Equal(0, CliRunner.Run(_dir, "check").Exit);
    }

    [Fact]
    public void Accept_BadInput_ExitsTwo_PrintsNoDiff_AndLeavesTheFile()
    {
        var bad = Page.Replace("clgi", "movz rax, 1", StringComparison.Ordinal) + "\n";
        var path = WriteGifPage(bad);
        var (exit, output, err) = CliRunner.Run(_dir, "accept", "docs/gif.md");
        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("docs/gif.md(12,9): error", err, StringComparison.Ordinal);
        Assert.Equal(bad, File.ReadAllText(path));
    }

    [Fact]
    public void Run_StoppedByAFault_NamesTheDocumentLineOfTheInstruction()
    {
        File.WriteAllText(Path.Combine(_dir, "docs", "gif.md"), "# T\n\n```scenario pf\nprofiles: apm\ncode:\n  nop\n  mov rax, [0x900000]\n  hlt\nexpect: halted\n```\n");
        var (exit, output, _) = CliRunner.Run(_dir, "run", "docs/gif.md");
        Assert.Equal(1, exit);
        // Named as the site names it, relative to the source folder, as build and check name it.
        Assert.Contains("end: stopped (unhandled #PF at 0x401001, written at gif.md:7)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildAndCheck_WithAnAbsoluteConfig_NameTheStoppingLineRelativeToTheSourceFolder()
    {
        File.WriteAllText(Path.Combine(_dir, "docs", "gif.md"), "# T\n\n```scenario pf\nprofiles: apm\ncode:\n  nop\n  mov rax, [0x900000]\n  hlt\nexpect: halted\n```\n");
        var config = Path.Combine(_dir, "site.config.json");
        // A working folder outside the site: paths to its files from here are absolute.
        var elsewhere = Directory.CreateTempSubdirectory("errata-cwd-").FullName;
        try
        {
            var build = CliRunner.Run(elsewhere, "build", "--config", config);
            Assert.Equal(1, build.Exit);
            var page = File.ReadAllText(Path.Combine(_dir, "_site", "gif.html"));
            Assert.Contains("unhandled #PF at 0x401001, written at gif.md:7)", page, StringComparison.Ordinal);
            Assert.DoesNotContain(_dir, page, StringComparison.Ordinal);
            Assert.DoesNotContain(_dir, File.ReadAllText(Path.Combine(_dir, "_site", "verdicts.json")), StringComparison.Ordinal);

            var check = CliRunner.Run(elsewhere, "check", "--config", config, "--format", "json");
            Assert.Equal(1, check.Exit);
            Assert.Contains("written at gif.md:7", check.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("written at " + _dir, check.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
