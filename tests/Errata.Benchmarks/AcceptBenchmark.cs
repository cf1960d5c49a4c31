using Errata.Site.Accepting;
using Errata.Site.Config;

namespace Errata.Benchmarks;

/// <summary>
/// What `errata accept` costs: the unified diff of a long document with a growing number
/// of changed lines (CPU time and bytes allocated: the diff's memory grows with the
/// square of the changes, not with the document), and a whole accept, runs included,
/// of each document of a docs folder (default: the repository's own docs/).
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- accept [DOCS] [LINES]</c>.
/// </summary>
internal static class AcceptBenchmark
{
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var docs = args.Length > 0 ? args[0] : "docs";
        var length = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 20_000;
        var before = string.Concat(Enumerable.Range(0, length).Select(i => $"line {i}\n"));
        foreach (var changes in new[] { 1, 10, 100, 1000 })
        {
            // Changes spread evenly, each a replaced line, as accept rewrites claims.
            var lines = TextLines.Split(before);
            for (var c = 0; c < changes; c++) lines[(int)((c + 0.5) * length / changes)] = $"changed {c}\n";
            var after = string.Concat(lines);
            var (cpu, bytes) = Best(() => UnifiedDiff.Of("doc.md", before, after));
            Console.WriteLine($"accept: diff of {length} lines with {changes} change(s): {cpu * 1e3:F2} ms CPU, {bytes / 1e6:F1} MB allocated");
        }
        foreach (var file in Directory.EnumerateFiles(docs, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".rst", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var result = Acceptor.Accept(file, new SiteConfig(), new AcceptOptions(AddMissing: true));
            if (result.Accepted.Count == 0) continue;
            var (cpu, _) = Best(() => Acceptor.Accept(file, new SiteConfig(), new AcceptOptions(AddMissing: true)));
            Console.WriteLine($"accept: {file} ({result.Accepted.Count} scenario(s)): {cpu * 1e3:F2} ms CPU per accept --add-missing --dry-run");
        }
        return 0;
    }

    /// <summary>The least CPU time and allocation of <see cref="Rounds"/> runs: the others count the machine's other work.</summary>
    private static (double Seconds, long Bytes) Best(Action work)
    {
        work();
        var (seconds, bytes) = (double.MaxValue, long.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpu.Seconds();
            work();
            seconds = Math.Min(seconds, ThreadCpu.Seconds() - start);
            bytes = Math.Min(bytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
        return (seconds, bytes);
    }
}
