using Errata.Testing;
using Errata.Testing.Fuzzing;
using Xunit.Abstractions;

namespace Errata.Site.Tests.Fuzzing;

/// <summary>
/// The fixed-seed slice of the fuzz campaign (issue 9) kept in the suite: 10,000 generated
/// and mutated sites through read, assemble, run, judge and every report; one in twenty is
/// also rendered to disk (rendering is the slowest step and its inputs differ only in the
/// theme's work, so a share of them covers it). The whole campaign runs on demand:
/// <c>dotnet run -c Release --project tests/Errata.Benchmarks -- fuzz</c>.
/// </summary>
public sealed class FuzzSliceTests(ITestOutputHelper output)
{
    private const int Seed = 9;
    private const int Inputs = 10_000;
    private const double RenderShare = 0.05;

    [Fact]
    public void Pipeline_OnTheFixedSlice_HasNoCrashHangOrUnlocatedDiagnostic()
    {
        var workRoot = FuzzDriver.CreateWorkRoot();
        try
        {
            var driver = new FuzzDriver(workRoot, Path.Combine(RepositoryRoot.Path, "templates"));
            var campaign = new FuzzCampaign(new FuzzInputSource(SeedDocuments.Load(RepositoryRoot.Path), RenderShare), driver, TimeSpan.FromSeconds(10))
            {
                MaxAbandoned = 4,
            };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            campaign.Run(Seed, Enumerable.Range(0, Inputs).ToList(), Environment.ProcessorCount);
            var summary = FuzzReport.Summary(campaign.Findings, campaign.Completed, clock.Elapsed);
            output.WriteLine(summary);

            var findings = campaign.Findings.Distinct();
            if (findings.Count == 0) return;
            var reproducers = findings.Select(f => Minimizer.Shrink(driver, f.Finding, f.Input, maxAttempts: 150)).Select(s => FuzzReport.Reproducer(s.Finding, s.Input, Seed));
            Assert.Fail(summary + "\n" + string.Join("\n\n", reproducers));
        }
        finally
        {
            try { Directory.Delete(workRoot, recursive: true); } catch (IOException) { }
        }
    }

}
