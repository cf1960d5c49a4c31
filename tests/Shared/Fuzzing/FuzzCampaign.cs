using System.Diagnostics;

namespace Errata.Testing.Fuzzing;

/// <summary>
/// Runs inputs across worker threads, each input on a thread of its own with a wall-clock
/// deadline: an input still running at its deadline (and a grace of three more) is a hang, and its thread is abandoned
/// (a background thread cannot be stopped safely; the process ending reclaims it).
/// </summary>
internal sealed class FuzzCampaign(FuzzInputSource source, FuzzDriver driver, TimeSpan deadline)
{
    public FindingSet Findings { get; } = new();
    public int Completed => _completed;
    public int Abandoned => _abandoned;

    /// <summary>
    /// The stack of a command's main thread (8 MiB, Linux's default limit), where the CLI
    /// reads documents: a smaller one would report overflows the command never has.
    /// </summary>
    private const int MainThreadStack = 8 * 1024 * 1024;

    private const int Grace = 3;

    private int _completed;
    private int _abandoned;

    /// <summary>Called before an input starts and after it ends, with its findings (for a supervisor that journals progress).</summary>
    public Action<int>? Began { get; init; }
    public Action<int, IReadOnlyList<Finding>>? Ended { get; init; }

    /// <summary>Stops taking new inputs once this many hung threads are left running: they would starve the rest.</summary>
    public int MaxAbandoned { get; init; } = int.MaxValue;

    public void Run(int seed, IReadOnlyList<int> indices, int workers)
    {
        var next = -1;
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < indices.Count && Volatile.Read(ref _abandoned) < MaxAbandoned;)
                RunOne(source.Create(seed, indices[i]));
        }) { IsBackground = true }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
    }

    public List<Finding> RunOne(FuzzInput input)
    {
        Began?.Invoke(input.Index);
        var progress = new FuzzDriver.Progress();
        List<Finding>? findings = null;
        var worker = new Thread(() => findings = driver.Run(input, progress), MainThreadStack) { IsBackground = true };
        var clock = Stopwatch.StartNew();
        worker.Start();
        // A second, longer wait before calling it a hang: on a shared, loaded machine a legitimate
        // input can take many times its usual wall time, and a real hang does not end either way.
        if (!worker.Join(deadline) && !worker.Join(deadline * Grace))
        {
            Interlocked.Increment(ref _abandoned);
            findings = [new Finding(FindingClass.Hang, $"{input.Origin} input in {progress.Phase}", $"still running after {clock.Elapsed.TotalSeconds:F1} s in {progress.Phase}", input.Index)];
        }
        foreach (var f in findings!) Findings.Add(f, input);
        Interlocked.Increment(ref _completed);
        Ended?.Invoke(input.Index, findings);
        return findings;
    }
}
