using Errata.Diagnostics;
using Errata.Documents;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Verification;
using Errata.Testing;
using Errata.Testing.Differential;
using Xunit.Abstractions;

namespace Errata.Qemu.Tests.Differential;

/// <summary>
/// Every scenario under docs/ runs on the qemu-tcg profile and on real QEMU (TCG): the same
/// deliveries, #DB's DR6 and final registers, or a disagreement a known divergence explains.
/// Explained disagreements are written to the test output with their causes, never hidden.
/// </summary>
public sealed class DocsDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryDocsScenario_AgreesWithQemu_OrDiffersForAKnownReason()
    {
        var programs = DocsScenarios();
        Assert.True(programs.Count >= 10, $"only {programs.Count} scenarios found under docs/");

        var results = QemuDifferential.Run(programs);

        foreach (var r in results.Where(r => !r.Agrees))
            output.WriteLine($"{r.Program.Name}: {r.Class} ({r.Known?.Cause ?? "unexplained"}): {r.Disagreements[0]}");
        Assert.True(results.All(r => r.Agrees || r.Known is not null), QemuDifferential.Unexplained(results));
    }

    /// <summary>The scenarios of the repository's docs/, read and compiled as a build does.</summary>
    private static IReadOnlyList<DifferentialProgram> DocsScenarios()
    {
        var root = Path.Combine(RepositoryRoot.Path, "docs");
        var pipeline = SitePipeline.Create();
        var bag = new DiagnosticBag();
        var context = new ReadContext(root, AllowRaw: false);
        var blocks = SourceSet.Walk(root, pipeline, bag)
            .Select(f => DocumentSource.Read(pipeline, f.Real, f.Relative, context, bag))
            .OfType<Document>()
            .SelectMany(d => d.Descendants<ScenarioBlock>())
            .ToList();
        var programs = blocks
            .Select(b => (b, compiled: ScenarioCompiler.Compile(b, ScenarioOptions.Default, bag)))
            .Where(x => x.compiled is not null)
            .Select(x => new DifferentialProgram(x.b.Name, x.b.Lines.Select(l => l.Text).ToList(), x.compiled!.Image))
            .ToList();
        Assert.False(bag.Items.Any(d => d.IsError), string.Join("\n", bag.Items.Select(d => d.ToString())));
        return programs;
    }
}
