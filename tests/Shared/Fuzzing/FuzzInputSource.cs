using System.Text;

namespace Errata.Testing.Fuzzing;

/// <summary>
/// Input <c>index</c> of a campaign with seed <c>seed</c>: generated Markdown and RST sites,
/// mutations of the repository's docs and of generated documents, and configuration texts.
/// Deterministic: the same (seed, index) always gives the same bytes.
/// </summary>
internal sealed class FuzzInputSource(SeedDocuments seeds, double renderShare)
{
    private static readonly string[] OddNames = ["a b.md", "ü.rst", "UPPER.MD", "x.rst.md", "_hidden.md", ".dot.rst", "sub/deeper/page.md", "index.rst", "-.md"];

    public FuzzInput Create(int seed, int index)
    {
        var r = FuzzRandom.ForInput(seed, index);
        var names = new ScenarioNames(r);
        var kind = r.Next(20);
        var (origin, docs) = kind switch
        {
            < 6 => ("markdown", Generated(r, names, markdown: true)),
            < 11 => ("rst", Generated(r, names, markdown: false)),
            < 16 => ("mutated docs/", MutatedSeeds(r)),
            < 18 => ("mutated generated", Mutated(r, Generated(r, names, markdown: r.Chance(0.5)))),
            _ => ("config", [SiteFile.Text("index.md", MarkdownGenerator.Document(r, names.Next))]),
        };
        var config = Config(r, configFocus: kind >= 18);
        var files = new List<SiteFile> { new(FuzzInput.ConfigName, config) };
        files.AddRange(docs.Select(d => d with { Path = "docs/" + d.Path }));
        return new FuzzInput(index, origin, files, Strict: r.Chance(0.2), Render: r.Chance(renderShare));
    }

    private static List<SiteFile> Generated(FuzzRandom r, ScenarioNames names, bool markdown)
    {
        var count = r.Between(1, 3);
        var paths = Enumerable.Range(0, count)
            .Select(i => i == 0 ? "index" + (markdown ? ".md" : ".rst") : r.Chance(0.1) ? r.Pick(OddNames) : $"page{i}{(markdown ^ r.Chance(0.2) ? ".md" : ".rst")}")
            .Distinct()
            .ToList();
        var files = new List<SiteFile>();
        foreach (var path in paths)
        {
            var siblings = paths.Where(p => p != path).ToList();
            var text = path.EndsWith(".md", StringComparison.Ordinal)
                ? MarkdownGenerator.Document(r, names.Next)
                : RstGenerator.Document(r, names.Next, siblings);
            files.Add(SiteFile.Text(path, Texture(r, text)));
        }
        return files;
    }

    /// <summary>Line endings, tabs and long lines applied to a whole text.</summary>
    private static string Texture(FuzzRandom r, string text) => r.Next(12) switch
    {
        0 => text.Replace("\n", "\r\n"),
        1 => text.Replace("\n", "\r"),
        2 => text.Replace("    ", "\t"),
        3 => text + new string(r.Chance(0.5) ? ' ' : '*', r.Between(10_000, 200_000)),
        4 => "\ufeff" + text,
        _ => text,
    };

    private List<SiteFile> MutatedSeeds(FuzzRandom r)
    {
        var picked = Enumerable.Range(0, r.Between(1, 2)).Select(_ => r.Pick(seeds.Documents)).DistinctBy(d => d.Path).ToList();
        // A window of a seed keeps most inputs small; a whole page now and then keeps its cross-references.
        return Mutated(r, picked.Select(d => r.Chance(0.7) ? d with { Bytes = Window(r, d.Bytes) } : d).ToList());
    }

    private List<SiteFile> Mutated(FuzzRandom r, List<SiteFile> files)
    {
        var others = seeds.Documents.Select(d => d.Bytes).Concat(files.Select(f => f.Bytes)).ToList();
        return files.Select(f => r.Chance(0.85) ? f with { Bytes = ByteMutator.Mutate(r, f.Bytes, others) } : f).ToList();
    }

    private static byte[] Window(FuzzRandom r, byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        var start = r.Next(lines.Length);
        var take = r.Between(10, 80);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(start).Take(take)));
    }

    private byte[] Config(FuzzRandom r, bool configFocus)
    {
        var text = r.Chance(configFocus ? 0.3 : 0.05) ? seeds.Config : Encoding.UTF8.GetBytes(ConfigGenerator.Text(r));
        if (r.Chance(configFocus ? 0.6 : 0.05)) text = ByteMutator.Mutate(r, text, [seeds.Config]);
        return PathGuard.IsContained(text) ? text : Encoding.UTF8.GetBytes("{\"output\": \"_site\"}\n");
    }

    /// <summary>Scenario names: unique mostly, with duplicates and odd names now and then.</summary>
    private sealed class ScenarioNames(FuzzRandom r)
    {
        private int _count;

        public string Next()
        {
            _count++;
            return r.Next(30) switch
            {
                0 => "s" + Math.Max(1, _count - 1),
                1 => r.Pick<string>(["", "a b", "ü", "<x>", "-", "a\"b", new string('n', 300), "s1 extra", "#DB"]),
                _ => "s" + _count,
            };
        }
    }
}
