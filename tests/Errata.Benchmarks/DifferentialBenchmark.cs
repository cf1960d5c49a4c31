using System.Diagnostics;
using System.Globalization;
using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Profiles;
using Errata.Qemu.Running;
using Errata.Testing.Differential;

namespace Errata.Benchmarks;

/// <summary>
/// The differential fuzzer of issue 14: COUNT random programs over the debug facility
/// (default 10,000, seed 1), each run on the qemu-tcg profile and on a real machine, in
/// parallel on every core. Prints how many agree and every class of disagreement with its
/// cause (a known QEMU divergence, or "not known yet") and a first example as a scenario.
/// Run: <c>dotnet run -c Release --project tests/Errata.Benchmarks -- differential [COUNT] [SEED] [--against PROFILE] [--list | --list-known ID]</c>;
/// <c>--against</c> puts a built-in profile in the real machine's place (qemu-tcg against apm
/// shows the gaps of Table 15-10). Exit 0 when every program agrees or is explained, 1 otherwise.
/// </summary>
internal static class DifferentialBenchmark
{
    public static int Run(string[] args)
    {
        var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        // --program takes the seed from the positional arguments: differential 0 SEED --program INDEX.
        var count = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 10_000;
        var seed = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 1;
        var against = Option(args, "--against");
        if (!ProfileRegistry.TryGet("qemu-tcg", out var model)) throw new InvalidOperationException("no qemu-tcg profile");
        Func<MachineImage, Outcome> real;
        string realName;
        if (against is not null)
        {
            if (!ProfileRegistry.TryGet(against, out var profile))
            {
                Console.Error.WriteLine($"unknown profile '{against}'");
                return 2;
            }
            real = image => X86Machine.Run(image, profile);
            realName = "the " + profile.Name + " profile";
        }
        else
        {
            var qemu = new QemuBackend(QemuAccel.Tcg);
            // A boot and run takes a fraction of a second; a guest still running after a few seconds has hung.
            real = image => qemu.Run(image, model, new RunOptions(Timeout: TimeSpan.FromSeconds(3)));
            realName = $"QEMU {qemu.Installation.Version} ({QemuAccel.Tcg.Accel}, -cpu {QemuAccel.Tcg.Cpu}, -M {QemuAccel.Tcg.Machine})";
        }

        if (Option(args, "--scenario") is { } file)
            return Show(DifferentialProgram.Compile(Path.GetFileNameWithoutExtension(file), File.ReadAllLines(file)), model, real);
        if (Option(args, "--program") is { } index)
            return Show(DebugProgramGenerator.Generate(seed, int.Parse(index, CultureInfo.InvariantCulture)), model, real);

        var clock = Stopwatch.StartNew();
        var results = new DifferentialResult[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var program = DebugProgramGenerator.Generate(seed, i);
            var expected = X86Machine.Run(program.Image, model);
            try
            {
                results[i] = DifferentialResult.Of(program, expected, real(program.Image));
            }
            catch (BackendFailure e)
            {
                results[i] = DifferentialResult.Failed(program, expected, e.Message);
            }
        });
        // --list: the unexplained programs; --list-known ID: those a known divergence explains.
        var listed = Option(args, "--list-known");
        if (args.Contains("--list") || listed is not null)
            foreach (var r in results.Where(r => !r.Agrees && r.Known?.Id == listed))
            {
                var d = r.Disagreements[0];
                var rip = d.Observed?.ReturnRip ?? d.Expected?.ReturnRip;
                var before = new ProgramFacts(r.Program.Image).EndingAt(rip);
                Console.WriteLine($"{r.Program.Name}: {d} | after: {before}");
            }
        Console.WriteLine($"differential: {count} programs (seed {seed}), qemu-tcg against {realName}, {clock.Elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores");
        Console.Write(DifferentialReport.Write(results));
        return results.All(r => r.Agrees || r.Known is not null) ? 0 : 1;
    }

    /// <summary>`--program INDEX`: one program, with both machines' deliveries side by side.</summary>
    private static int Show(DifferentialProgram program, Profile model, Func<MachineImage, Outcome> real)
    {
        var expected = X86Machine.Run(program.Image, model);
        var observed = real(program.Image);
        var result = DifferentialResult.Of(program, expected, observed);
        Console.WriteLine(program.Describe(result.Disagreements));
        foreach (var (name, o) in new[] { ("model", expected), ("real", observed) })
        {
            Console.WriteLine($"{name}: {o.End} {o.StopReason}");
            foreach (var d in Delivery.Of(o, program.Image)) Console.WriteLine($"  {d.Key}" + (d.Dr6 is { } v ? $" dr6 0x{v:x}" : ""));
        }
        foreach (var e in expected.Events) Console.WriteLine($"  model event {e.Id.Name} at 0x{e.Rip:x} {e.Disposition} ({e.Cause}; {e.Rule.Id})");
        return result.Agrees ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
