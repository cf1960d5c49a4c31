using Errata.Testing;
using Errata.Machine.Backends;
using Errata.Qemu.Running;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Reports;
using Errata.Site.Verification;

namespace Errata.Qemu.Tests;

/// <summary>The QEMU backend through the one verification path every command uses: verdicts, not-applicable scenarios, failures as bad input.</summary>
public sealed class VerificationOnQemuTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-qemu-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Document(string scenario)
    {
        var path = Path.Combine(_dir, "a.md");
        File.WriteAllText(path, $"# A\n\n```scenario s\n{scenario}\n```\n");
        return path;
    }

    private const string ExecuteBreakpointAtGif0 = "profiles: apm kvm\n" + ScenarioFixtures.BreakpointAtGif0 + """
        expect apm: no #DB
        expect kvm: #DB at target with dr6 = 0xffff0ff1
        expect: halted
        expect: gif = 1
        """;

    /// <summary>A backend realising `kvm` judges the kvm lines and the unprofiled ones, with QEMU's outcome: QEMU delivers the #DB as KVM does.</summary>
    [Fact]
    public void RealisedProfile_IsJudgedOnQemusOutcome()
    {
        var backend = new QemuBackend(QemuAccel.Tcg with { Profile = "kvm" });
        var outcome = DocumentRun.Run(Document(ExecuteBreakpointAtGif0), new SiteConfig(), null, new RunSelection(Backend: backend));
        var run = Assert.Single(Assert.Single(outcome.Scenarios).Runs);
        Assert.Equal("kvm", run.Profile.Name);
        Assert.Equal(["#DB at target with dr6 = 0xffff0ff1", "halted", "gif = 1"], run.Verdicts.Select(v => v.Expect.Text));
        Assert.All(run.Verdicts, v => Assert.True(v.Holds, v.Expect.Text));
        Assert.Equal(ExitCode.Ok, outcome.ExitCode);
        var json = JsonReport.Write(outcome);
        Assert.Contains("\"backend\"", json);
        Assert.Contains($"\"version\": \"{backend.Installation.Version}\"", json);
    }

    /// <summary>On apm's lines QEMU's delivery is a failed claim, exit 1: a real implementation is not tuned to the model.</summary>
    [Fact]
    public void ApmClaim_FailsOnQemu()
    {
        var backend = new QemuBackend(QemuAccel.Tcg with { Profile = "apm" });
        var outcome = DocumentRun.Run(Document(ExecuteBreakpointAtGif0), new SiteConfig(), null, new RunSelection(Backend: backend));
        var failed = Assert.Single(Assert.Single(outcome.Scenarios).Verdicts, v => !v.Holds);
        Assert.Equal("no #DB", failed.Expect.Text);
        Assert.Equal(ExitCode.ClaimsFailed, outcome.ExitCode);
    }

    [Fact]
    public void ScenarioWithoutTheRealisedProfile_IsNotApplicable_AndCounted()
    {
        var outcome = DocumentRun.Run(Document(ExecuteBreakpointAtGif0), new SiteConfig(), null, new RunSelection(Backend: Scenarios.Tcg));
        var note = Assert.Single(outcome.Diagnostics);
        Assert.Equal("ERR1201", note.Descriptor.Id);
        Assert.Equal(2, note.Span.Line);
        Assert.Contains("'qemu-tcg'", note.Message);
        Assert.Empty(Assert.Single(outcome.Scenarios).Runs);
        Assert.Equal(ExitCode.Ok, outcome.ExitCode);
        Assert.EndsWith("; 1 scenario(s) not applicable on profile qemu-tcg", outcome.Summary);
    }

    [Fact]
    public void MissingQemu_IsBadInputAtTheScenario()
    {
        var backend = new QemuBackend(QemuAccel.Tcg with { Profile = "apm" }, "/nonexistent/qemu-system-x86_64");
        var outcome = DocumentRun.Run(Document(ExecuteBreakpointAtGif0), new SiteConfig(), null, new RunSelection(Backend: backend));
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal("ERR1200", error.Descriptor.Id);
        Assert.Equal(2, error.Span.Line);
        Assert.EndsWith("a.md", error.Span.Path);
        Assert.Contains("apt-get install qemu-system-x86", error.Message);
        Assert.Equal(ExitCode.BadInput, outcome.ExitCode);
    }

    [Fact]
    public void HangingGuest_IsBadInputWithinTheRunTimeout()
    {
        var backend = new QemuBackend(QemuAccel.Tcg with { Profile = "apm" });
        var path = Document("""
            profiles: apm
            code:
            spin:   jmp spin
            expect: halted
            """);
        var outcome = DocumentRun.Run(path, new SiteConfig { RunTimeout = 500 }, null, new RunSelection(Backend: backend));
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal("ERR1200", error.Descriptor.Id);
        Assert.Contains("did not finish within 0.5 s", error.Message);
        Assert.Equal(ExitCode.BadInput, outcome.ExitCode);
    }
}

/// <summary>A site built with the QEMU backend names QEMU in each run's provenance on the page.</summary>
public sealed class BuildOnQemuTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("errata-qemu-site-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Page_ShowsTheBackendInTheProvenance()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        File.WriteAllText(Path.Combine(_dir, "site.config.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "docs", "index.md"), "# A\n\n```scenario s\nprofiles: apm\ncode:\n mov rax, 3\n hlt\nexpect: rax = 3\n```\n");
        var backend = new QemuBackend(QemuAccel.Tcg with { Profile = "apm" });
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(_dir, "site.config.json")) { Backend = backend });
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        var page = File.ReadAllText(Path.Combine(_dir, "_site", "index.html"));
        Assert.Contains($"run on qemu {backend.Installation.Version}, -cpu qemu64,+svm, -accel tcg.", page);
        // The published verdicts name the same backend as the page.
        using var data = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "_site", "verdicts.json")));
        var scenario = Assert.Single(data.RootElement.GetProperty("scenarios").EnumerateArray());
        var run = Assert.Single(scenario.GetProperty("profiles").EnumerateObject());
        Assert.Equal($"qemu {backend.Installation.Version}, -cpu qemu64,+svm, -accel tcg", run.Value.GetProperty("backend").GetString());
    }
}
