using System.Collections.Concurrent;
using Errata.Site.Building;

namespace Errata.Site.Tests.Building;

/// <summary>What a build tells its <see cref="IBuildProgress"/>: each phase once, every item once, and the times the timings report.</summary>
public sealed class BuildProgressTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public void Dispose() => _site.Dispose();

    private static string Scenario(int i) => $"# Page {i}\n\n```scenario s{i}\nprofiles: apm, kvm\ncode:\n  hlt\nexpect: halted\n```\n\n```scenario t{i}\nprofiles: apm\ncode:\n  hlt\nexpect: halted\n```\n";

    /// <summary>Records every call, from whichever thread makes it.</summary>
    private sealed class Recorder : IBuildProgress
    {
        public ConcurrentQueue<(string Call, BuildPhase Phase, int Count, int Total)> Calls { get; } = new();
        public ConcurrentDictionary<BuildPhase, TimeSpan> Took { get; } = new();

        public void Started(BuildPhase phase, int total) => Calls.Enqueue(("started", phase, total, total));
        public void Advanced(BuildPhase phase, int done, int total) => Calls.Enqueue(("advanced", phase, done, total));

        public void Finished(BuildPhase phase, int done, TimeSpan took)
        {
            Took[phase] = took;
            Calls.Enqueue(("finished", phase, done, done));
        }
    }

    [Fact]
    public void Build_ReportsEachPhase_EveryItemOnce_InPhaseOrder()
    {
        for (var i = 0; i < 12; i++) _site.Doc($"p{i:00}.md", Scenario(i));
        var recorder = new Recorder();
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath) { Progress = recorder });
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));

        var calls = recorder.Calls.ToList();
        Assert.Equal([BuildPhase.Read, BuildPhase.Verify, BuildPhase.Render], calls.Select(c => c.Phase).Distinct());
        foreach (var (phase, total) in new[] { (BuildPhase.Read, 12), (BuildPhase.Verify, 24), (BuildPhase.Render, 12) })
        {
            var of = calls.Where(c => c.Phase == phase).ToList();
            Assert.Equal(("started", total), (of[0].Call, of[0].Count));
            Assert.Equal(("finished", total), (of[^1].Call, of[^1].Count));
            var advanced = of.Skip(1).SkipLast(1).ToList();
            Assert.All(advanced, c => Assert.Equal(("advanced", total), (c.Call, c.Total)));
            // Scenarios verify in parallel: each count arrives once, in whatever order.
            Assert.Equal(Enumerable.Range(1, total), advanced.Select(c => c.Count).Order());
        }
        Assert.Equal(new BuildTimings(recorder.Took[BuildPhase.Read], recorder.Took[BuildPhase.Verify], recorder.Took[BuildPhase.Render]), result.Timings);
    }

    [Fact]
    public void Check_HasNoRenderPhase_AndItsTimingsSayNone()
    {
        _site.Doc("index.md", Scenario(0));
        var recorder = new Recorder();
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath, WriteSite: false) { Progress = recorder });
        Assert.Equal(ExitCode.Ok, result.ExitCode);
        Assert.DoesNotContain(recorder.Calls, c => c.Phase == BuildPhase.Render);
        Assert.Equal(TimeSpan.Zero, result.Timings.Render);
        Assert.Equal(recorder.Took[BuildPhase.Verify], result.Timings.Verify);
    }
}
