namespace Errata.Cli.Tests;

/// <summary>
/// `errata build` never destroys the user's files through its output folder: the cases of
/// issue 9, each with a file of the user's that must survive, and the build that must work.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-cli-output-").FullName;
    private readonly string _site;

    public OutputSafetyTests()
    {
        var (exit, _, err) = CliRunner.Run(_dir, "init", "site");
        Assert.True(exit == 0, err);
        _site = Path.Combine(_dir, "site");
        File.WriteAllText(Path.Combine(_site, "notes.txt"), "mine");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Output(string output) => File.WriteAllText(Path.Combine(_site, "site.config.json"), $"{{\n  \"output\": \"{output}\"\n}}\n");

    private void AssertSiteUntouched()
    {
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site, "notes.txt")));
        Assert.Contains("```scenario", File.ReadAllText(Path.Combine(_site, "docs", "index.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_site, "site.config.json")));
        Assert.True(File.Exists(Path.Combine(_site, ".gitignore")));
        Assert.False(File.Exists(Path.Combine(_site, "index.html")));
        Assert.False(File.Exists(Path.Combine(_site, "docs", "index.html")));
    }

    [Fact]
    public void OutputBesideTheSite_HoldingAFileOfTheUsers_IsRefused()
    {
        var precious = Path.Combine(_dir, "precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "unrelated.txt"), "keep me");
        Output("../precious");

        var (exit, _, err) = CliRunner.Run(_site, "build");

        Assert.Equal(2, exit);
        Assert.Contains("site.config.json(2,13): error ERR0711: output '../precious' is not empty", err, StringComparison.Ordinal);
        Assert.Contains("'unrelated.txt'", err, StringComparison.Ordinal);
        Assert.Contains("build failed; the output folder was left as it was", err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(precious, "unrelated.txt")));
        Assert.Equal(["precious", "site"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(".", "is the folder of site.config.json")]
    [InlineData("docs", "is the source folder 'docs'")]
    public void OutputOverTheSite_IsRefused(string output, string relation)
    {
        Output(output);
        var (exit, stdout, err) = CliRunner.Run(_site, "build");
        Assert.Equal(2, exit);
        Assert.Contains($"site.config.json(2,13): error ERR0710: output '{output}' {relation}", err, StringComparison.Ordinal);
        Assert.Empty(stdout);
        AssertSiteUntouched();
    }

    [Fact]
    public void TheOutputOption_IsNamed_WhenItIsTheProblem()
    {
        var (exit, _, err) = CliRunner.Run(_site, "build", "--output", ".");
        Assert.Equal(2, exit);
        Assert.Contains("error ERR0710: --output '.' is the folder of site.config.json", err, StringComparison.Ordinal);
        AssertSiteUntouched();
    }

    [Fact]
    public void BuildingFromInsideTheOutput_IsRefused_AndTheSiteKept()
    {
        Assert.Equal(0, CliRunner.Run(_site, "build").Exit);
        var output = Path.Combine(_site, "_site");
        File.WriteAllText(Path.Combine(output, "draft.txt"), "written while looking at the site");

        var (exit, _, err) = CliRunner.Run(output, "build", "--config", "../site.config.json");

        Assert.Equal(2, exit);
        Assert.Contains("error ERR0710: output '_site' is the working folder", err, StringComparison.Ordinal);
        Assert.Equal("written while looking at the site", File.ReadAllText(Path.Combine(output, "draft.txt")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void ASecondBuild_OverTheFirst_Succeeds()
    {
        var first = CliRunner.Run(_site, "build");
        Assert.True(first.Exit == 0, first.Err);
        var (exit, stdout, err) = CliRunner.Run(_site, "build");
        Assert.True(exit == 0, err);
        Assert.Contains("-> _site", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_site, "_site", ".errata-site")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site, "notes.txt")));
    }

    // Port 0 is itself refused, so a serve that skipped the folder check exits with another error instead of running on.
    [Fact]
    public void Serve_RefusesTheSameFolders_BeforeListening()
    {
        var precious = Path.Combine(_dir, "precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "unrelated.txt"), "keep me");
        Output("../precious");
        // A port already taken: were the folder not refused first, serve would stop on the port instead.
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exit, _, err) = CliRunner.Run(_site, "serve", "--port", port);

        Assert.Equal(2, exit);
        Assert.Contains("site.config.json(2,13): error ERR0711: output '../precious' is not empty", err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(precious, "unrelated.txt")));

        Output(".");
        (exit, _, err) = CliRunner.Run(_site, "serve", "--port", port);
        Assert.Equal(2, exit);
        Assert.Contains("error ERR0710: output '.' is the folder of site.config.json", err, StringComparison.Ordinal);
        AssertSiteUntouched();
    }

    [Fact]
    public void AnOutputWrittenWithATrailingSlash_IsTheSameFolder()
    {
        Output("_site/");
        var first = CliRunner.Run(_site, "build");
        Assert.True(first.Exit == 0, first.Err);
        var (exit, _, err) = CliRunner.Run(_site, "build");
        Assert.True(exit == 0, err);
        Assert.True(File.Exists(Path.Combine(_site, "_site", "index.html")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_site, "_site"), ".*"));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site, "notes.txt")));
    }

    [Fact]
    public void ATemplatesFolderWithoutALayout_BuildsWithTheBuiltInLayout()
    {
        Directory.CreateDirectory(Path.Combine(_site, "mytheme", "assets"));
        File.WriteAllText(Path.Combine(_site, "mytheme", "assets", "extra.css"), "p { margin: 0 }");
        File.WriteAllText(Path.Combine(_site, "site.config.json"), "{\n  \"templates\": \"mytheme\"\n}\n");
        var (exit, _, err) = CliRunner.Run(_site, "build");
        Assert.True(exit == 0, err);
        Assert.Contains("<html", File.ReadAllText(Path.Combine(_site, "_site", "index.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_site, "_site", "assets", "extra.css")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_site, "notes.txt")));
    }
}
