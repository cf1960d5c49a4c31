using System.Diagnostics;
using System.Globalization;

namespace Errata.Site.Building;

/// <summary>
/// How long each phase of a build took: reading the documents, verifying their scenarios, and
/// rendering and writing the site (zero for `check`, which writes nothing).
/// </summary>
public sealed record BuildTimings(TimeSpan Read, TimeSpan Verify, TimeSpan Render)
{
    public static readonly BuildTimings None = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan Total => Read + Verify + Render;

    /// <summary>The line `--timings` prints: `timings: read 0.12 s, verify 1.03 s, render 0.40 s, total 1.55 s`.</summary>
    public string Describe(bool rendered) =>
        "timings: read " + Seconds(Read) + ", verify " + Seconds(Verify) + (rendered ? ", render " + Seconds(Render) : "") + ", total " + Seconds(Total);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>A timestamp for <see cref="Since"/>.</summary>
    internal static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Elapsed time since a <see cref="Now"/> value.</summary>
    internal static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
}
