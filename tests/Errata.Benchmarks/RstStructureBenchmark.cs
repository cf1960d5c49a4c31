using Errata.Testing;
using System.Globalization;
using Errata.Documents;
using Errata.Documents.Rst;
using Errata.Documents.Syntax;

namespace Errata.Benchmarks;

/// <summary>
/// How often Errata's RST reader gives the same structure as docutils on documents outside the
/// corpus: <c>rststructure FOLDER [SAMPLE]</c>, FOLDER a Linux source tree (its Documentation/
/// is read; the corpus' own files are left out). Both parse every file, docutils with the
/// corpus' stand-ins for Sphinx and kernel directives (tests/Corpus/tools/stubs.py, flat-table
/// from the tree's Documentation/sphinx), and each side counts headings, tables, rows, list
/// items, literal blocks and definition terms. A file is the same when all six counts are.
/// SAMPLE, when given, keeps every k-th file of the sorted list so that SAMPLE remain, a
/// deterministic choice. Prints the share, the files that differ with their counts, and which
/// count differs most often. Exit code 3 when less than 95% are the same.
/// </summary>
internal static class RstStructureBenchmark
{
    private const double Target = 0.95;
    private static readonly string[] Counts = ["headings", "tables", "rows", "items", "literals", "terms"];

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: rststructure FOLDER [SAMPLE]   (FOLDER: a Linux source tree with Documentation/)");
            return 2;
        }
        var tree = Path.GetFullPath(args[0]);
        var documentation = Path.Combine(tree, "Documentation");
        var inCorpus = Corpus.Files().Where(f => f.StartsWith("linux/", StringComparison.Ordinal)).Select(f => f["linux/".Length..]).ToHashSet(StringComparer.Ordinal);
        var all = Directory.EnumerateFiles(documentation, "*.rst", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tree, f).Replace('\\', '/'))
            .Where(f => !inCorpus.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sample = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : all.Count;
        var step = Math.Max(1, all.Count / Math.Max(1, sample));
        var files = all.Where((_, i) => i % step == 0).Take(sample).ToList();
        Console.WriteLine($"{files.Count} of {all.Count} Documentation files not in the corpus (every {step}. by sorted path)");

        RstBenchmark.EnsureDocutils();
        var reference = Docutils(tree, files);
        var reader = new RstReader();
        var context = new ReadContext(tree, AllowRaw: true);
        var same = 0;
        var differs = new int[Counts.Length];
        var lines = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(tree, file);
            var doc = reader.Read(file, File.ReadAllText(path), context with { DocumentFile = path });
            var ours = Count(doc);
            if (!reference.TryGetValue(file, out var theirs))
            {
                lines.Add($"{file}: docutils failed");
                continue;
            }
            if (ours.SequenceEqual(theirs)) { same++; continue; }
            for (var i = 0; i < Counts.Length; i++) if (ours[i] != theirs[i]) differs[i]++;
            lines.Add($"{file}: " + string.Join(", ", Enumerable.Range(0, Counts.Length).Where(i => ours[i] != theirs[i]).Select(i => $"{Counts[i]} errata {ours[i]} docutils {theirs[i]}")));
        }
        foreach (var l in lines) Console.WriteLine(l);
        Console.WriteLine("differs most often: " + string.Join(", ", Enumerable.Range(0, Counts.Length).OrderByDescending(i => differs[i]).Select(i => $"{Counts[i]} {differs[i]}")));
        var share = (double)same / files.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same structure: {same} of {files.Count} files ({share:P1}, target {Target:P0}): {(share >= Target ? "met" : "NOT met")}"));
        return share >= Target ? 0 : 3;
    }

    /// <summary>headings, tables, rows, list items, literal blocks, definition terms.</summary>
    private static int[] Count(Document doc)
    {
        var counts = new int[Counts.Length];
        Walk(doc, counts);
        return counts;
    }

    private static void Walk(Node node, int[] counts)
    {
        switch (node)
        {
            case Section: counts[0]++; break;
            case Table t: counts[1]++; counts[2] += t.Head.Count + t.Body.Count; break;
            case ListItem: counts[3]++; break;
            case LiteralBlock: counts[4]++; break;
            // docutils' stand-in for toctree keeps its entries as a literal block.
            case TocTree toc when toc.Entries.Count > 0: counts[4]++; break;
            case DefinitionItem: counts[5]++; break;
            // A filled contents directive's list is generated; docutils' parse holds only the directive.
            case Contents: return;
        }
        IEnumerable<Node> children = node switch
        {
            DefinitionList d => d.Items,
            FieldList f => f.Fields,
            OptionList o => o.Items,
            _ => NodeWalker.Children(node),
        };
        foreach (var child in children) Walk(child, counts);
    }

    private static Dictionary<string, int[]> Docutils(string tree, List<string> files)
    {
        var script = Path.Combine(Path.GetTempPath(), $"errata-docutils-structure-{Environment.ProcessId}.py");
        var list = Path.Combine(Path.GetTempPath(), $"errata-docutils-structure-{Environment.ProcessId}.txt");
        File.WriteAllLines(list, files);
        File.WriteAllText(script, """
            import io, os, sys
            tree, listing, tools = sys.argv[1], sys.argv[2], sys.argv[3]
            os.environ.setdefault('KERNEL_SPHINX_DIR', os.path.join(tree, 'Documentation', 'sphinx'))
            sys.path.insert(0, tools)
            import stubs
            stubs.install()
            from docutils import frontend, nodes, utils
            from docutils.parsers.rst import Parser
            settings = frontend.get_default_settings(Parser)
            for k, v in stubs.DOCUTILS_SETTINGS.items():
                setattr(settings, k, v)
            settings.warning_stream = io.StringIO()
            parser = Parser()
            for rel in open(listing, encoding='utf-8').read().split('\n'):
                if not rel:
                    continue
                path = os.path.join(tree, rel)
                try:
                    doc = utils.new_document(path, settings)
                    parser.parse(open(path, encoding='utf-8').read(), doc)
                except Exception as e:
                    print(rel + '\tfailed ' + type(e).__name__)
                    continue
                def count(cls):
                    return sum(1 for _ in doc.findall(cls))
                counts = [
                    sum(1 for t in doc.findall(nodes.title) if isinstance(t.parent, nodes.section)),
                    count(nodes.table),
                    count(nodes.row),
                    count(nodes.list_item),
                    count(nodes.literal_block) + count(nodes.doctest_block) + count(nodes.math_block),
                    count(nodes.term),
                ]
                print(rel + '\t' + ' '.join(map(str, counts)))
            """);
        try
        {
            var tools = Path.Combine(Corpus.Root, "tools");
            var (code, output, error) = RstBenchmark.Execute(RstBenchmark.Python, $"\"{script}\" \"{tree}\" \"{list}\" \"{tools}\"");
            if (code != 0) throw new InvalidOperationException("docutils failed: " + error);
            var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var line in output.Split('\n'))
            {
                var parts = line.Split('\t');
                if (parts.Length != 2 || parts[1].StartsWith("failed", StringComparison.Ordinal)) continue;
                result[parts[0]] = [.. parts[1].Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            }
            return result;
        }
        finally
        {
            File.Delete(script);
            File.Delete(list);
        }
    }
}
