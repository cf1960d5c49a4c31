using Errata.Machine.Events;
using Errata.Qemu.Running;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Verification;
using Errata.Testing;

namespace Errata.Qemu.Tests;

/// <summary>Every scenario of docs/ through the verification path on QEMU: each gives an outcome, or a stated refusal.</summary>
public class DocsOnQemuTests
{
    /// <summary>
    /// The refusals docs/guide/profiles.md ("Running on QEMU") states as limitations of the image:
    /// an event the xAPIC ICR cannot send (mc), a guest that runs on past the wall-clock
    /// limit (the image has no instruction budget, so a scenario that ends on its budget never ends
    /// there), bytes that do not fit. QEMU missing or failing is not among them.
    /// </summary>
    private static readonly string[] StatedLimitations = ["cannot inject", "did not finish within", "does not fit the QEMU image"];

    [Fact]
    public void EveryDocsScenario_RunsToAnEnd_OrIsRefusedWithAReason()
    {
        // Realising apm only chooses which expect lines are judged; the runs are QEMU's all the same.
        var backend = new QemuBackend(QemuAccel.Tcg with { Profile = "apm" });
        int scenarios = 0, smmEntries = 0, resets = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.*", SearchOption.AllDirectories).Order())
        {
            var outcome = DocumentRun.Run(file, new SiteConfig(), null, new RunSelection(Backend: backend));
            foreach (var d in outcome.Diagnostics.Where(d => d.Descriptor.Id == "ERR1200"))
                Assert.True(StatedLimitations.Any(l => d.ToString().Contains(l, StringComparison.Ordinal)),
                    $"a refusal that names none of the backend's stated limitations: {d}");
            foreach (var run in outcome.Scenarios.SelectMany(s => s.Runs))
            {
                scenarios++;
                Assert.Contains(run.Outcome.End, new[] { RunEnd.Halted, RunEnd.Stopped, RunEnd.Shutdown, RunEnd.Reset });
                Assert.Equal("qemu", run.Outcome.Provenance!.Backend);
                smmEntries += run.Outcome.Events.Count(e => e.Id == EventId.Smi && e.Disposition is Disposition.Delivered or Disposition.DeliveredAfterPending);
                resets += run.Outcome.End == RunEnd.Reset ? 1 : 0;
            }
        }
        Assert.True(scenarios >= 10, $"only {scenarios} scenario(s) ran");
        // The scenarios that inject smi and init run on QEMU: SMM is entered, INIT resets.
        Assert.True(smmEntries > 0, "no SMI entered SMM on QEMU");
        Assert.True(resets > 0, "no INIT reset the processor on QEMU");
    }
}
