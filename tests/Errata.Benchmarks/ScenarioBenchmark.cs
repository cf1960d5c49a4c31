using System.Diagnostics;
using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Site.Building;

namespace Errata.Benchmarks;

/// <summary>
/// Average cost of parsing, assembling and judging one scenario, apart from the machine's
/// run, over every scenario of a docs folder (default: the repository's own docs/).
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- scenario [DOCS] [iterations]</c>.
/// Target (issue 4): under 100 µs on average.
/// </summary>
internal static class ScenarioBenchmark
{
    private const int Rounds = 6;

    public static int Run(string[] args)
    {
        var docs = args.Length > 0 ? args[0] : "docs";
        var iterations = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 2_000;
        var blocks = Blocks(docs);
        if (blocks.Count == 0)
        {
            Console.Error.WriteLine($"no scenarios under {docs}");
            return 2;
        }
        // The outcomes are computed once: what is measured is the language's own cost around the machine.
        var runs = blocks.Select(b => ScenarioCompiler.Compile(b, ScenarioOptions.Default, new DiagnosticBag())
            ?? throw new InvalidOperationException($"scenario {b.Name} does not compile")).Select(c => ScenarioRunner.Run(c)).ToList();

        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
        var process = Process.GetCurrentProcess();
        double best = double.MaxValue, bestCpu = double.MaxValue, bestRun = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                for (var s = 0; s < blocks.Count; s++)
                {
                    var compiled = ScenarioCompiler.Compile(blocks[s], ScenarioOptions.Default, new DiagnosticBag())!;
                    foreach (var run in runs[s].Runs)
                    {
                        var context = new JudgeContext(run.Outcome, compiled.Assembly.Labels);
                        foreach (var expect in compiled.Syntax.Expects) expect.Assertion.Judge(context);
                    }
                }
            }
            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / (iterations * blocks.Count));
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / (iterations * blocks.Count));

            clock.Restart();
            for (var i = 0; i < iterations / 10 + 1; i++)
                foreach (var r in runs) ScenarioRunner.Run(r.Scenario);
            bestRun = Math.Min(bestRun, clock.Elapsed.TotalMicroseconds / ((iterations / 10 + 1) * blocks.Count));
        }
        Console.WriteLine($"scenario: parse+assemble+judge {best:F1} µs wall, {bestCpu:F1} µs CPU per scenario (target < 100), machine runs on all profiles {bestRun:F1} µs per scenario; {blocks.Count} scenario(s) from {docs}, best of {Rounds} rounds");
        return 0;
    }

    private static List<ScenarioBlock> Blocks(string docs)
    {
        var pipeline = SitePipeline.Create();
        var context = new ReadContext(docs);
        return SourceSet.Find(docs, pipeline)
            .SelectMany(f => pipeline.Read(f, File.ReadAllText(Path.Combine(docs, f)), context).Descendants<ScenarioBlock>())
            .ToList();
    }
}
