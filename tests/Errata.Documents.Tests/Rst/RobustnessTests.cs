using Errata.Testing;
using Errata.Diagnostics;
using Errata.Documents.Rst;
using System.Diagnostics;
using System.Text;

namespace Errata.Documents.Tests.Rst;

/// <summary>
/// Property: whatever the input (slices of the corpus with random edits, and documents
/// assembled from RST fragments), reading returns a document, quickly, every diagnostic
/// points inside that document, every node has a span and the document renders. Seeded, so a failure names a reproducible case.
/// </summary>
public sealed class RobustnessTests
{
    private const int Seed = 20261125;
    private const int MutatedDocuments = 8000;
    private const int GeneratedDocuments = 2500;
    private static readonly TimeSpan PerDocument = TimeSpan.FromSeconds(2);

    private static readonly string[] Fragments =
    [
        "Title\n=====\n", "=====\nTitle\n=====\n", "Sub\n---\n", "----\n", "* item\n", "- item\n  more\n", "1. one\n2. two\n",
        "#. auto\n", "(a) alpha\n", "term\n   definition\n", ":field: body\n", "-a  option\n--all=FILE  long\n", "| line\n|   nested\n",
        "::\n\n   literal\n", "para::\n\n   code\n", "> quoted\n> more\n", "   indented\n\n   -- attribution\n", ">>> 1 + 1\n2\n",
        "+---+---+\n| a | b |\n+===+===+\n| c | d |\n+---+---+\n", "===  ===\n a    b\n===  ===\n c    d\n===  ===\n",
        ".. note:: text\n", ".. admonition:: T\n\n   body\n", ".. code-block:: c\n\n   int x;\n", ".. _target:\n", ".. _ext: http://x.org\n",
        "__ http://anon.org\n", ".. [1] note\n", ".. [#] auto\n", ".. [CIT] cite\n", ".. |sub| replace:: text\n", ".. comment\n",
        ".. list-table::\n   :header-rows: 1\n\n   * - a\n     - b\n   * - c\n     - d\n", ".. flat-table::\n\n   * - :cspan:`1` a\n   * - b\n     - c\n",
        ".. image:: a.png\n", ".. figure:: a.png\n\n   caption\n\n   legend\n", ".. contents::\n", ".. toctree::\n\n   a\n   b\n",
        ".. include:: missing.rst\n", ".. raw:: html\n\n   <b>x</b>\n", ".. only:: html\n\n   T\n   =\n", ".. kernel-doc:: x.c\n   :export:\n",
        ".. scenario:: s\n   :title: t\n   :profiles: apm\n\n   code:\n           nop\n", ".. scenario::\n", ".. unknown:: x\n",
        "*emph* **strong** ``lit`` `title` :role:`x` `link <http://x>`_ name_ [1]_ |sub| http://a.org\n",
        "*unclosed **also ``and `this\n", "\tTab\tbed\n", "\\*escaped\\* \\\n", "text *\n", "\n", "\n\n",
    ];

    private const string Alphabet = "*`_|:.-=+ \t\n[]<>#\\()!~^'\"aZ0";

    [Fact]
    public async Task Read_MutatedAndGeneratedDocuments_NeverThrowsHangsOrMisplacesDiagnostics()
    {
        var random = new Random(Seed);
        var corpus = Corpus.Files().Select(Corpus.Read).ToArray();
        var reader = new RstReader();
        var renderer = new DocumentPipelineBuilder().UseRst().Build().CreateRenderer();
        var context = new ReadContext(Path.Combine(Path.GetTempPath(), "errata-rst-robustness"));
        var current = "";
        var work = Task.Run(() =>
        {
            for (var i = 0; i < MutatedDocuments + GeneratedDocuments; i++)
            {
                var text = i < MutatedDocuments ? Mutate(random, corpus[random.Next(corpus.Length)]) : Generate(random);
                current = text;
                var path = $"case-{i}.rst";
                var clock = Stopwatch.StartNew();
                var doc = reader.Read(path, text, context);
                Assert.True(clock.Elapsed < PerDocument, $"case {i} took {clock.Elapsed}:\n{text}");
                foreach (var d in doc.Diagnostics) AssertInside(d, path, text, i);
                foreach (var node in Syntax.NodeWalker.Descendants(doc))
                    Assert.True(node.Span.Path is not null, $"case {i}: {node.GetType().Name} without a span:\n{text}");
                renderer.Render(doc);
            }
        });
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(finished == work, "reading hung on:\n" + current);
        await work;
    }

    public static TheoryData<string, string> LargeInputs() => new()
    {
        { "hyphenated name run", string.Concat(Enumerable.Repeat("a-", 25000)) },
        { "underscored name run", string.Concat(Enumerable.Repeat("a_", 25000)) },
        { "unclosed emphasis", string.Concat(Enumerable.Repeat("*a ", 20000)) },
        { "unclosed interpreted text", string.Concat(Enumerable.Repeat("`a ", 20000)) },
        { "many URIs", string.Concat(Enumerable.Repeat("http://a.b/c ", 5000)) },
        { "deep nesting", string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- a\n\n")) },
    };

    /// <summary>Markup docutils scans quadratically (every unclosed start-string searches the rest) stays linear here.</summary>
    [Theory]
    [MemberData(nameof(LargeInputs))]
    public void Read_LargePathologicalInput_StaysFast(string name, string text)
    {
        var clock = Stopwatch.StartNew();
        new RstReader().Read("large.rst", text, new ReadContext(Path.GetTempPath()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name}: {clock.Elapsed}");
    }

    private static void AssertInside(Diagnostic d, string path, string text, int index)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var ok = d.Span.Path == path && d.Span.Line >= 0 && d.Span.Line < lines.Length
            && d.Span.Column >= 0 && d.Span.Length >= 0 && d.Span.Column + d.Span.Length <= lines[d.Span.Line].Length;
        Assert.True(ok, $"case {index}: diagnostic outside the document: {d}\n{text}");
    }

    /// <summary>A slice of a corpus file with a few random edits.</summary>
    private static string Mutate(Random random, string source)
    {
        var lines = source.Split('\n');
        var start = random.Next(lines.Length);
        var slice = lines.Skip(start).Take(random.Next(1, 40)).ToList();
        for (var edits = random.Next(1, 5); edits > 0 && slice.Count > 0; edits--)
        {
            var i = random.Next(slice.Count);
            var line = slice[i];
            var at = random.Next(line.Length + 1);
            switch (random.Next(7))
            {
                case 0: slice[i] = line.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()); break;
                case 1: if (line.Length > 0) slice[i] = line.Remove(Math.Min(at, line.Length - 1), 1); break;
                case 2: slice.Insert(i, line); break;
                case 3: slice.RemoveAt(i); break;
                case 4: slice[i] = new string(' ', random.Next(1, 6)) + line; break;
                case 5: slice[i] = line.TrimStart(); break;
                default: slice.Insert(i, Fragments[random.Next(Fragments.Length)].TrimEnd('\n')); break;
            }
        }
        return string.Join(random.Next(4) == 0 ? "\r\n" : "\n", slice);
    }

    /// <summary>A document assembled from RST fragments, sometimes indented into a nested body.</summary>
    private static string Generate(Random random)
    {
        var sb = new StringBuilder();
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            var fragment = Fragments[random.Next(Fragments.Length)];
            if (random.Next(4) == 0)
            {
                var indent = new string(' ', random.Next(1, 5));
                fragment = string.Join("\n", fragment.Split('\n').Select(l => l.Length > 0 ? indent + l : l));
            }
            sb.Append(fragment);
            if (random.Next(3) > 0) sb.Append('\n');
        }
        return sb.ToString();
    }
}
