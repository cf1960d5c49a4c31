using Errata.Site.Building;
using Errata.Testing;

namespace Errata.Browser.Tests;

/// <summary>
/// A small site whose one claim fails on kvm (another scenario runs on apm alone and holds):
/// the build writes it anyway and exits 1. Its
/// second page holds the RST markup a theme must style (admonitions, field lists) and lines
/// far wider than a phone.
/// </summary>
public static class FailingSite
{
    public const string ScenarioId = "scenario-kvm-discards";

    private const string Page = $$"""
        # A claim that fails

        KVM re-injects the breakpoint #DB, so the claim below fails on kvm.

        ```scenario kvm-discards
        title: KVM discards a DR0 match at GIF=0
        profiles: apm kvm

        {{ScenarioFixtures.BreakpointAtGif0}}
        expect: no #DB
        expect: halted
        ```

        On the processor alone, nothing arrives either.

        ```scenario apm-only
        title: The processor discards a DR0 match at GIF=0
        profiles: apm

        {{ScenarioFixtures.BreakpointAtGif0}}
        expect: no #DB
        ```
        """;

    /// <summary>The page of RST markup, as the site serves it.</summary>
    public const string MarkupPage = "markup.html";

    private const string Markup = """
        Markup
        ======

        .. note::

           A note: KVM re-injects the breakpoint #DB.

        .. warning:: Nothing arrives at the next STGI on the processor.

        Fields:

        :Profile: kvm
        :Source: arch/x86/kvm/svm/svm.c: db_interception, arch/x86/kvm/svm/nested.c: nested_svm_vmrun

        .. code-block:: text

           mov rax, 0x0000000000401000 ; a listing line far wider than any phone, which must scroll inside its own block and never widen the page

        ============================================  ============================================
        a table column wider than a phone on its own  another column as wide, beside the first one
        ============================================  ============================================
        0x0000000000401000                            0x0000000000401013
        ============================================  ============================================
        """;

    public static void Build(string source, string output)
    {
        Directory.CreateDirectory(Path.Combine(source, "docs"));
        File.WriteAllText(Path.Combine(source, "docs", "index.md"), Page + "\n");
        File.WriteAllText(Path.Combine(source, "docs", Path.ChangeExtension(MarkupPage, ".rst")), Markup + "\n");
        File.WriteAllText(Path.Combine(source, "site.config.json"), $$"""{ "title": "Failing claims", "templates": "{{Path.Combine(RepositoryRoot.Path, "templates")}}" }""");
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(source, "site.config.json"), Output: output));
        if (result.ExitCode != ExitCode.ClaimsFailed)
            throw new InvalidOperationException($"expected the failing site to exit {ExitCode.ClaimsFailed}, got {result.ExitCode}:\n" + string.Join("\n", result.Diagnostics));
    }
}
