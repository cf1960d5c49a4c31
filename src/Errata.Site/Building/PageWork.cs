using System.Runtime.ExceptionServices;

namespace Errata.Site.Building;

/// <summary>
/// Work done once per page on every core, failing as a sequential loop would: when pages
/// throw, the first of them in page order is rethrown, so the build reports the same page
/// whatever the threads' timing.
/// </summary>
public static class PageWork
{
    /// <param name="stop">Set: no further item starts, and this throws <see cref="OperationCanceledException"/>.</param>
    public static void ForEach<T>(IReadOnlyList<T> items, Action<T> work, CancellationToken stop = default)
    {
        var failures = new Exception?[items.Count];
        Parallel.For(0, items.Count, (i, state) =>
        {
            try
            {
                stop.ThrowIfCancellationRequested();
                work(items[i]);
            }
            catch (Exception e)
            {
                failures[i] = e;
                // Items after this one cannot change which failure is reported.
                state.Break();
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } first) ExceptionDispatchInfo.Capture(first).Throw();
    }
}
