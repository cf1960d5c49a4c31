using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Browser.Tests;

/// <summary>A one-page site whose claim fails on kvm: the build writes it anyway and exits 1.</summary>
public static class FailingSite
{
    public const string ScenarioId = "scenario-kvm-discards";

    private const string Page = """
        # A claim that fails

        KVM re-injects the breakpoint #DB, so the claim below fails on kvm.

        ```scenario kvm-discards
        title: KVM discards a DR0 match at GIF=0
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

        expect: no #DB
        expect: halted
        ```
        """;

    public static void Build(string source, string output)
    {
        Directory.CreateDirectory(Path.Combine(source, "docs"));
        File.WriteAllText(Path.Combine(source, "docs", "index.md"), Page + "\n");
        File.WriteAllText(Path.Combine(source, "site.config.json"), $$"""{ "title": "Failing claims", "templates": "{{Path.Combine(RepositoryRoot.Path, "templates")}}" }""");
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(source, "site.config.json"), Output: output));
        if (result.ExitCode != ExitCode.ClaimsFailed)
            throw new InvalidOperationException($"expected the failing site to exit {ExitCode.ClaimsFailed}, got {result.ExitCode}:\n" + string.Join("\n", result.Diagnostics));
    }
}
