using System.Text.Json;
using Errata.Diagnostics;
using Errata.Site.Config;
using Errata.Site.Verification;

namespace Errata.Site.Scaffolding;

/// <summary>
/// `errata init [DIR]`: a new site with a verified example page in Markdown and one in RST,
/// so the first `errata build` there is green; the theme is the one built into Errata.
/// Existing files are never overwritten.
/// </summary>
public static class SiteScaffold
{
    /// <summary>Where a build records when each verdict was first verified (see VerificationLedger).</summary>
    public const string LedgerPath = VerificationLedger.FileName;

    /// <summary>What init tells the user about the ledger, and why.</summary>
    public const string LedgerAdvice =
        "commit " + LedgerPath + " once a build has written it: it records when each verdict was first verified, " +
        "the provenance every page shows, so that CI builds from a fresh clone keep those dates";

    /// <summary>The new site's config: the defaults written out, so an author sees what can be changed.</summary>
    private static string Config()
    {
        var d = new SiteConfig();
        var profiles = string.Join(", ", d.DefaultProfiles.Select(p => JsonSerializer.Serialize(p)));
        return $$"""
            {
              "$schema": "./{{SiteConfigSchema.FileName}}",
              "title": "Errata, verified",
              "source": {{JsonSerializer.Serialize(d.Source)}},
              "output": {{JsonSerializer.Serialize(d.Output)}},
              "defaultProfiles": [{{profiles}}],
              "reference": {{JsonSerializer.Serialize(d.Reference)}},
              "baseUrl": {{JsonSerializer.Serialize(d.BaseUrl)}}
            }

            """;
    }

    private const string Index = """
        # Errata, verified

        Each scenario on this site runs on Errata's machine once per profile; the
        verdicts below were observed, not written by hand.

        ## Breakpoint #DB while GIF=0

        APM Vol. 2 15.17, Table 15-10: at GIF=0 a #DB caused by a breakpoint-register
        match is ignored and discarded. KVM re-injects it (svm.c, db_interception).

        ```scenario example-gif-breakpoint
        title: A DR0 execute breakpoint matches while GIF=0
        profiles: apm kvm

        code:
                mov rax, target
                mov dr0, rax
                mov rax, 0x401          ; L0 enables DR0
                mov dr7, rax
                clgi
        target: nop
                stgi
                hlt

        expect apm: #DB discarded
        expect kvm: #DB at target with dr6 = 0xffff0ff1
        expect: halted
        ```

        """;

    private const string SingleStep = """
        Single-step at GIF=0
        ====================

        Table 15-10 discards breakpoint-register matches at GIF=0, but a single-step
        trap (RFLAGS.TF) is not one: every profile delivers it.

        .. scenario:: example-single-step
           :title: A single-step trap while GIF=0
           :profiles: apm kvm

           code:
                   clgi
                   pushfq
                   or qword [rsp], 0x100    ; TF
                   popfq                    ; sets TF: no trap on itself
           step:   nop                      ; traps after this one
                   stgi
                   hlt
           handler #DB:
                   and qword [rsp+16], ~0x100   ; clear TF in the interrupted RFLAGS
                   iretq

           expect: #DB at step
           expect: #DB count 1
           expect: halted

        """;

    private const string GitIgnore = """
        # The built site; errata build writes it whole.
        _site/
        # Outcomes of earlier runs, which check and build reuse; never needed to reproduce a verdict.
        .errata/cache/

        """;

    public static IReadOnlyList<Diagnostic> Create(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full)) return [SiteErrors.IsAFile.At(SourceSpan.None(folder), folder)];
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            return [SiteErrors.NotEmpty.At(SourceSpan.None(folder), folder)];
        Directory.CreateDirectory(Path.Combine(full, "docs"));
        File.WriteAllText(Path.Combine(full, "site.config.json"), Config());
        File.WriteAllText(Path.Combine(full, SiteConfigSchema.FileName), SiteConfigSchema.Write());
        File.WriteAllText(Path.Combine(full, ".gitignore"), GitIgnore);
        File.WriteAllText(Path.Combine(full, "docs", "index.md"), Index);
        File.WriteAllText(Path.Combine(full, "docs", "single-step.rst"), SingleStep);
        return [];
    }
}
