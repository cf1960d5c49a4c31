using Errata.Site.Building;
using Spectre.Console;

namespace Errata.Cli.Progress;

/// <summary>Progress in a terminal: a Spectre.Console bar per phase, counting its items, with the time it took.</summary>
internal sealed class LiveProgress(ProgressContext context) : IBuildProgress
{
    private readonly ProgressTask?[] _tasks = new ProgressTask?[Enum.GetValues<BuildPhase>().Length];

    public void Started(BuildPhase phase, int total)
    {
        // A phase with nothing to do is shown done, not as an empty bar.
        _tasks[(int)phase] = context.AddTask(PhaseWords.Of(phase).Doing, maxValue: Math.Max(total, 1));
        if (total == 0) _tasks[(int)phase]!.Value = 1;
    }

    // ProgressTask takes its own lock: parallel scenarios may increment at once.
    public void Advanced(BuildPhase phase, int done, int total) => _tasks[(int)phase]?.Increment(1);

    public void Finished(BuildPhase phase, int done, TimeSpan took)
    {
        if (_tasks[(int)phase] is not { } task) return;
        task.Description = PhaseWords.Of(phase).Done;
        task.StopTask();
    }
}
