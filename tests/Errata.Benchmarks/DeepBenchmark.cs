using System.Diagnostics;
using System.Globalization;
using System.Text;
using Errata.Documents;
using Errata.Documents.Markdown;
using Errata.Documents.Rst;

/// <summary>
/// `deep`: memory and time to read documents nested 100, 1,000 and 5,000 levels deep, in
/// bytes allocated per input character; reading must stay linear in the input
/// (NestingLimit stops it past 100 levels with a located error).
/// </summary>
public static class DeepBenchmark
{
    private static readonly (string Name, IDocumentReader Reader, Func<int, string> Make)[] Shapes =
    [
        ("rst block quotes", new RstReader(), d => Lines(d, i => new string(' ', i) + new string('x', 1000) + "\n\n")),
        ("rst bullet lists", new RstReader(), d => Lines(d, i => new string(' ', 2 * i) + "- " + new string('x', 1000) + "\n\n")),
        ("md block quotes", new MarkdownReader(), d => string.Concat(Enumerable.Repeat("> ", d)) + "text\n"),
        // Markdig's block parser takes time quadratic in list depth (6 s at 1,000), before any limit applies.
        ("md list items", new MarkdownReader(), d => Lines(Math.Min(d, 1000), i => new string(' ', 2 * i) + "- item\n")),
        ("md emphasis", new MarkdownReader(), d => new string('*', d) + "a" + new string('*', d) + "\n"),
    ];

    public static int Run(string[] args)
    {
        var depths = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 1000, 5000];
        foreach (var (name, reader, make) in Shapes)
            foreach (var depth in depths)
            {
                var text = make(depth);
                var path = reader is RstReader ? "deep.rst" : "deep.md";
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var doc = reader.Read(path, text, new ReadContext("."));
                var ms = clock.ElapsedMilliseconds;
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-17} depth {depth,5}: {text.Length / 1e6,6:F2} M chars, {allocated / 1e6,8:F1} MB allocated ({(double)allocated / text.Length,6:F1} B/char), {ms,6} ms; {doc.Diagnostics.FirstOrDefault()?.ToString() ?? "no diagnostics"}"));
            }
        return 0;
    }

    private static string Lines(int count, Func<int, string> line)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++) sb.Append(line(i));
        return sb.ToString();
    }
}
