using Errata.Site.Building;

namespace Errata.Cli.Progress;

/// <summary>
/// Progress for logs: a line when a phase ends (`verified 120 of 120 scenario(s)`) and, in a
/// phase of <see cref="Stepped"/> items or more, one at each tenth (`verifying: 40% of 1500
/// scenario(s)`), so a large build says it is alive in a few lines, never one per scenario.
/// </summary>
internal sealed class PlainProgress(TextWriter stderr) : IBuildProgress
{
    public const int Stepped = 100;

    private readonly Lock _lock = new();
    private int _tenths;

    public void Started(BuildPhase phase, int total)
    {
        lock (_lock) _tenths = 0;
    }

    public void Advanced(BuildPhase phase, int done, int total)
    {
        if (total < Stepped) return;
        var tenths = done * 10 / total;
        lock (_lock)
        {
            // Calls arrive out of order from parallel scenarios: each tenth is printed once, in order, and the last by Finished.
            while (_tenths < tenths && _tenths < 9)
            {
                _tenths++;
                stderr.WriteLine($"{PhaseWords.Of(phase).Doing}: {_tenths * 10}% of {total} {PhaseWords.Of(phase).Items}");
            }
        }
    }

    public void Finished(BuildPhase phase, int done, TimeSpan took)
    {
        var words = PhaseWords.Of(phase);
        lock (_lock) stderr.WriteLine($"{words.Done} {done} {words.Items}");
    }
}
