using System.Diagnostics;
using Errata.Diagnostics;
using Errata.Documents;
using Errata.Documents.Syntax;
using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Profiles;
using Errata.Qemu.Running;
using Errata.Scenarios.Running;
using Errata.Site.Building;

namespace Errata.Benchmarks;

/// <summary>
/// Per-scenario wall time on QEMU (image build, boot, run, report) against the built-in machine,
/// measured in the same run over every scenario of a docs folder; then every scenario on QEMU one
/// at a time against all of them in parallel on all cores.
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- qemu [DOCS] [ROUNDS]</c>.
/// </summary>
internal static class QemuBenchmark
{
    public static int Run(string[] args)
    {
        var docs = args.Length > 0 ? args[0] : "docs";
        var rounds = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 3;
        var backend = new QemuBackend();
        var profile = ProfileRegistry.All.First();
        var images = Images(docs).Where(s => Runs(backend, s.Image, profile)).ToList();
        if (images.Count == 0)
        {
            Console.Error.WriteLine($"no scenario under {docs} runs on QEMU");
            return 2;
        }
        Console.WriteLine($"qemu: {backend.Provenance}; built-in machine {X86Machine.Version}; best of {rounds} round(s)");
        Console.WriteLine($"{"scenario",-32} {"built-in µs",12} {"QEMU ms",10} {"ratio",8}");
        double builtInTotal = 0, qemuTotal = 0;
        foreach (var (name, image) in images)
        {
            var builtIn = Best(rounds * 20, () => X86Machine.Run(image, profile));
            var qemu = Best(rounds, () => backend.Run(image, profile));
            builtInTotal += builtIn;
            qemuTotal += qemu;
            Console.WriteLine($"{name,-32} {builtIn * 1e6,12:F1} {qemu * 1e3,10:F1} {qemu / builtIn,8:F0}x");
        }
        Console.WriteLine($"mean: built-in {builtInTotal / images.Count * 1e6:F1} µs, QEMU {qemuTotal / images.Count * 1e3:F1} ms per scenario");

        var cores = Environment.ProcessorCount;
        var sequential = Best(rounds, () => { foreach (var s in images) backend.Run(s.Image, profile); });
        var parallel = Best(rounds, () => images.AsParallel().WithDegreeOfParallelism(cores).ForAll(s => backend.Run(s.Image, profile)));
        Console.WriteLine($"all {images.Count} scenario(s) on QEMU: one at a time {sequential:F2} s, {cores} in parallel {parallel:F2} s ({sequential / parallel:F2}x)");
        return 0;
    }

    /// <summary>The fastest of <paramref name="times"/> wall-clock measurements, in seconds.</summary>
    private static double Best(int times, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < times; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static bool Runs(IMachineBackend backend, MachineImage image, Profile profile)
    {
        try
        {
            backend.Run(image, profile);
            return true;
        }
        catch (BackendFailure e)
        {
            Console.Error.WriteLine($"left out: {e.Message}");
            return false;
        }
    }

    private static List<(string Name, MachineImage Image)> Images(string docs)
    {
        var pipeline = SitePipeline.Create();
        var context = new ReadContext(docs);
        return SourceSet.Find(docs, pipeline)
            .SelectMany(f => pipeline.Read(f, File.ReadAllText(Path.Combine(docs, f)), context).Descendants<ScenarioBlock>())
            .Select(b => ScenarioCompiler.Compile(b, ScenarioOptions.Default, new DiagnosticBag()))
            .OfType<CompiledScenario>()
            .Select(c => (c.Syntax.Name, c.Image))
            .ToList();
    }
}
