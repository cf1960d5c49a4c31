using Errata.Machine;
using Errata.Machine.Backends;
using Errata.Machine.Profiles;
using Errata.Testing.Differential;

namespace Errata.Qemu.Tests.Differential;

/// <summary>Runs programs on the qemu-tcg profile and on QEMU (TCG), two QEMUs at a time, and compares them.</summary>
internal static class QemuDifferential
{
    public static Profile Model { get; } = ProfileRegistry.All.Single(p => p.Name == "qemu-tcg");

    /// <summary>A boot and run takes a fraction of a second; a guest still running after a few seconds has hung.</summary>
    private static readonly RunOptions Options = new(Timeout: TimeSpan.FromSeconds(5));

    public static IReadOnlyList<DifferentialResult> Run(IReadOnlyList<DifferentialProgram> programs)
    {
        var results = new DifferentialResult[programs.Count];
        Parallel.For(0, programs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
        {
            var program = programs[i];
            var model = X86Machine.Run(program.Image, Model);
            try
            {
                results[i] = DifferentialResult.Of(program, model, Scenarios.Tcg.Run(program.Image, Model, Options));
            }
            catch (BackendFailure e)
            {
                results[i] = DifferentialResult.Failed(program, model, e.Message);
            }
        });
        return results;
    }

    /// <summary>Every disagreement a known divergence does not explain, each with its program as a scenario.</summary>
    public static string Unexplained(IEnumerable<DifferentialResult> results) =>
        string.Join("\n\n", results.Where(r => !r.Agrees && r.Known is null).Select(r => r.Program.Describe(r.Disagreements)));
}
