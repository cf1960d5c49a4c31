using System.Globalization;

namespace Errata.Testing;

/// <summary>
/// Writes a generated site of many pages, each with one scenario on the default profiles, in
/// chapter folders: the site the scale benchmark builds and the navigation tests measure.
/// </summary>
internal static class ScaleSite
{
    /// <summary>Writes site.config.json and docs/ under <paramref name="root"/>; <paramref name="failing"/> pages get a claim that fails.</summary>
    public static void Write(string root, int pages, int perFolder, IReadOnlySet<int>? failing = null)
    {
        var docs = Path.Combine(root, "docs");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(root, "site.config.json"), """
            { "title": "Scale", "source": "docs", "output": "_site", "defaultProfiles": ["apm", "kvm", "kvm-novgif"], "reference": "apm" }
            """);
        File.WriteAllText(Path.Combine(docs, "index.md"), "# Scale\n\nA generated site.\n");
        for (var i = 0; i < pages; i++)
        {
            var path = Path.Combine(docs, PagePath(i, perFolder) + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Page(i, failing?.Contains(i) == true));
        }
    }

    /// <summary>Page <paramref name="i"/>'s path under docs/, and of its output page, without the extension: "chapter-001/page-0012".</summary>
    public static string PagePath(int i, int perFolder) => Invariant($"chapter-{i / perFolder:D3}/page-{i:D4}");

    /// <summary>One page: a heading, a paragraph and a scenario whose constant is the page's number.</summary>
    public static string Page(int i, bool failing, string extra = "") => Invariant($$"""
        # Page {{i}}

        The scenario below loads {{i}} into RAX with GIF clear and sets GIF again.{{extra}}

        ```scenario page-{{i}}
        title: RAX holds {{i}} after STGI
        code:
                mov rax, {{i}}
                clgi
                stgi
                hlt

        expect: halted
        expect: gif = 1
        expect: rax = {{(failing ? i + 1 : i)}}
        ```

        """);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
