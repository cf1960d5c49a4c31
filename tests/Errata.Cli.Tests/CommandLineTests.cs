namespace Errata.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void UnknownCommand_ExitsTwo_NamingIt()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "bulid");
        Assert.Equal(2, exit);
        Assert.StartsWith("errata: error: unknown command 'bulid' (did you mean 'build'?); expected one of: build, check, run, accept, init, serve, merge-reports\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsTwo_PointingAtTheHelp()
    {
        var (exit, output, err) = CliRunner.Run(_dir, "check", "--fast");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("errata check: error: unknown option '--fast'\nrun 'errata check --help' for its options and an example\n", err);
    }

    [Fact]
    public void Check_WithoutASourceFolder_ExitsTwo_CompilerStyle()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "check");
        Assert.Equal(2, exit);
        Assert.Contains("site.config.json(1,1): error ERR0705", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownFormat_ExitsTwo()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "check", "--format", "xml");
        Assert.Equal(2, exit);
        Assert.StartsWith("errata check: error: unknown format 'xml'; expected one of: text, json, junit, github, sarif\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_CreatesASiteWhoseFirstBuildIsGreen()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "init", "mysite");
        Assert.True(exit == 0, err);
        var site = Path.Combine(_dir, "mysite");
        Assert.False(Directory.Exists(Path.Combine(site, "templates")));
        Assert.Contains("_site/", File.ReadAllText(Path.Combine(site, ".gitignore")), StringComparison.Ordinal);
        Assert.Contains(".errata/cache/", File.ReadAllText(Path.Combine(site, ".gitignore")), StringComparison.Ordinal);
        var (buildExit, output, buildErr) = CliRunner.Run(site, "build");
        Assert.True(buildExit == 0, buildErr);
        Assert.Contains("10 of 10 claim(s) hold in 2 scenario(s)", output, StringComparison.Ordinal);
        Assert.Contains("scenario-example-gif-breakpoint", File.ReadAllText(Path.Combine(site, "_site", "index.html")), StringComparison.Ordinal);
        Assert.Contains("scenario-example-single-step", File.ReadAllText(Path.Combine(site, "_site", "single-step.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_WithoutAFolder_UsesTheCurrentOne_AndSaysWhyTheLedgerIsCommitted()
    {
        var (exit, output, err) = CliRunner.Run(_dir, "init");
        Assert.True(exit == 0, err);
        Assert.True(File.Exists(Path.Combine(_dir, "site.config.json")));
        Assert.Contains("errata build", output, StringComparison.Ordinal);
        Assert.Contains("commit verified.json", output, StringComparison.Ordinal);
        Assert.Contains("provenance", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_OnAFile_IsRefusedWithoutAStackTrace()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "mine");
        var (exit, _, err) = CliRunner.Run(_dir, "init", "notes.txt");
        Assert.Equal(2, exit);
        Assert.Contains("ERR0906", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, "notes.txt")));
    }

    [Fact]
    public void Build_WithoutAConfig_SaysToRunInitOrPassConfig()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "build");
        Assert.Equal(2, exit);
        Assert.Contains("errata init", err, StringComparison.Ordinal);
        Assert.Contains("--config", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_RefusesAFolderThatIsNotEmpty()
    {
        File.WriteAllText(Path.Combine(_dir, "keep.txt"), "mine");
        var (exit, _, err) = CliRunner.Run(Path.GetDirectoryName(_dir)!, "init", _dir);
        Assert.Equal(2, exit);
        Assert.Contains("ERR0903", err, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, "keep.txt")));
    }

    [Fact]
    public void Timings_NameEveryPhase_OnStandardError()
    {
        Assert.True(CliRunner.Run(_dir, "init", "t").Exit == 0);
        var site = Path.Combine(_dir, "t");
        var (exit, output, err) = CliRunner.Run(site, "build", "--timings");
        Assert.True(exit == 0, err);
        Assert.Matches(@"timings: read \d+\.\d\d s, verify \d+\.\d\d s, render \d+\.\d\d s, total \d+\.\d\d s", err);
        Assert.DoesNotContain("timings", output, StringComparison.Ordinal);
        var (checkExit, _, checkErr) = CliRunner.Run(site, "check", "--timings");
        Assert.True(checkExit == 0, checkErr);
        Assert.Matches(@"timings: read \d+\.\d\d s, verify \d+\.\d\d s, total", checkErr);
        Assert.DoesNotContain("render", checkErr, StringComparison.Ordinal);
    }
}
