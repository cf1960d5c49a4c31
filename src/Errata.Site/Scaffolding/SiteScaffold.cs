using System.Text.Json;
using Errata.Documents.Diagnostics;
using Errata.Site.Config;

namespace Errata.Site.Scaffolding;

/// <summary>
/// `errata init DIR`: a new site with the default theme and one verified example, so
/// the first `errata build` there is green. Existing files are never overwritten.
/// </summary>
public static class SiteScaffold
{
    public static readonly DiagnosticDescriptor NotEmpty =
        new("ERR0903", "Command", Severity.Error, "'{0}' already exists and is not empty; expected a new or empty folder");

    /// <summary>The new site's config: the defaults written out, so an author sees what can be changed.</summary>
    private static string Config()
    {
        var d = new SiteConfig();
        var profiles = string.Join(", ", d.DefaultProfiles.Select(p => JsonSerializer.Serialize(p)));
        return $$"""
            {
              "title": "Errata, verified",
              "source": {{JsonSerializer.Serialize(d.Source)}},
              "output": {{JsonSerializer.Serialize(d.Output)}},
              "templates": {{JsonSerializer.Serialize(d.Templates)}},
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

    public static IReadOnlyList<Diagnostic> Create(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            return [NotEmpty.At(SourceSpan.None(folder), folder)];
        Directory.CreateDirectory(Path.Combine(full, "docs"));
        File.WriteAllText(Path.Combine(full, "site.config.json"), Config());
        File.WriteAllText(Path.Combine(full, "docs", "index.md"), Index);
        WriteTheme(Path.Combine(full, "templates"));
        return [];
    }

    private static void WriteTheme(string target)
    {
        var assembly = typeof(SiteScaffold).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("theme/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(target, name["theme/".Length..].Replace('\\', '/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(path);
            source.CopyTo(file);
        }
    }
}
