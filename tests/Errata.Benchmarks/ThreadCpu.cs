using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Errata.Benchmarks;

/// <summary>Processor time of the calling thread (Linux clock_gettime with CLOCK_THREAD_CPUTIME_ID), or of the process elsewhere.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Seconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var ts) == 0)
            return ts.Seconds + ts.Nanoseconds / 1e9;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
