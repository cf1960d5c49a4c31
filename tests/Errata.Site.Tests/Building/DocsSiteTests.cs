using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>Builds the repository's own docs/ into a temporary folder and reads the HTML.</summary>
public sealed class DocsSiteTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("errata-docs-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private BuildResult Build() =>
        SiteBuilder.Build(new BuildOptions(Path.Combine(RepositoryRoot.Path, "site.config.json"), Output: _output));

    [Fact]
    public void Docs_BuildGreen_WithEveryClaimHolding()
    {
        var result = Build();
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Scenarios);
        Assert.All(result.Scenarios.SelectMany(s => s.Verdicts), v => Assert.True(v.Holds, $"{v.Expect.Text} on {v.Profile}: {v.Judgement.Observed}"));
    }

    [Fact]
    public void ErrataPage_ShowsVerdictsPerProfile_Escaped_WithALinkableId()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var html = File.ReadAllText(Path.Combine(_output, "errata", "gif-breakpoints.html"));
        Assert.Contains("id=\"scenario-gif-clear-exec-breakpoint\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#scenario-gif-clear-exec-breakpoint\"", html, StringComparison.Ordinal);
        // The claim text carries '#', '=' and is shown as written, escaped once.
        Assert.Contains("<code>#DB at target with dr6 = 0xffff0ff1</code>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict holds\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"verdict fails\"", html, StringComparison.Ordinal);
        // The gap the page exists to prove.
        Assert.Contains("APM: discarded; KVM: delivered", html, StringComparison.Ordinal);
        // Events carry their rule's source.
        Assert.Contains("APM Vol. 2 15.17", html, StringComparison.Ordinal);
        Assert.Contains("db_interception", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoBuilds_AreByteIdentical()
    {
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var first = Snapshot();
        Assert.Equal(ExitCode.Ok, Build().ExitCode);
        var second = Snapshot();
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.SequenceEqual(second[path]), path + " differs");
    }

    private SortedDictionary<string, byte[]> Snapshot() =>
        new(Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_output, f), File.ReadAllBytes), StringComparer.Ordinal);
}
