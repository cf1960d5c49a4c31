using Errata.Testing.Differential;
using Xunit.Abstractions;

namespace Errata.Qemu.Tests.Differential;

/// <summary>
/// A seeded slice of the differential fuzzer (tests/Errata.Benchmarks `differential` runs
/// 10,000): random programs over the debug facility on the qemu-tcg profile and on QEMU (TCG).
/// Each program agrees, or its first disagreement is a known divergence; the explained ones
/// are written to the test output by class.
/// </summary>
public sealed class FuzzSliceTests(ITestOutputHelper output)
{
    private const int Seed = 14;
    private const int Count = 200;

    [Fact]
    public void RandomDebugPrograms_AgreeWithQemu_OrDifferForAKnownReason()
    {
        var programs = Enumerable.Range(0, Count).Select(i => DebugProgramGenerator.Generate(Seed, i)).ToList();

        var results = QemuDifferential.Run(programs);

        output.WriteLine(DifferentialReport.Write(results));
        // Most programs agree: a backend or model that broke wholesale cannot hide behind the table.
        Assert.True(results.Count(r => r.Agrees) >= Count / 2, $"only {results.Count(r => r.Agrees)} of {Count} agree");
        Assert.True(results.All(r => r.Agrees || r.Known is not null), QemuDifferential.Unexplained(results));
    }
}
