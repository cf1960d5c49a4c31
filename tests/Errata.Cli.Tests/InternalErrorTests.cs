namespace Errata.Cli.Tests;

/// <summary>A fault in the machine is an internal error (exit 3, one line), never a verdict a claim can match.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-internal-").FullName;

    /// <summary>The injection reaches the faulty platform, which throws; `expect: stopped` would have held when faults became "stopped".</summary>
    private const string Page = """
        # Fault

        ```scenario faulted
        profiles: faulty
        inject: nmi at boom
        code:
                nop
        boom:   hlt
        expect: stopped
        ```
        """;

    public InternalErrorTests()
    {
        FaultyProfile.Register();
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), """{ "defaultProfiles": ["apm"] }""");
        File.WriteAllText(Path.Combine(_dir, "docs", "fault.md"), Page + "\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("run", "docs/fault.md")]
    [InlineData("check")]
    [InlineData("build")]
    public void MachineFault_ExitsThree_WithOneLineNamingScenarioAndProfile(params string[] args)
    {
        var (exit, _, err) = CliRunner.Run(_dir, args);

        Assert.Equal(3, exit);
        var line = Assert.Single(CliRunner.WithoutProgress(err).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("errata: internal error: ", line, StringComparison.Ordinal);
        Assert.Contains("scenario 'faulted' (docs/fault.md:3) on profile faulty", line, StringComparison.Ordinal);
        Assert.Contains(FaultyProfile.FaultMessage, line, StringComparison.Ordinal);
        Assert.DoesNotContain("claim", err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MachineFault_DuringBuild_LeavesThePreviousSite()
    {
        var site = Path.Combine(_dir, "_site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), "previous");
        // A site an earlier build wrote, so only the fault can stop this build.
        Errata.Site.Output.OutputMarker.Write(site);

        var (exit, _, _) = CliRunner.Run(_dir, "build");

        Assert.Equal(3, exit);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(site, "index.html")));
    }
}
