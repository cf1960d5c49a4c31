using System.Diagnostics;

namespace Errata.Qemu.Running;

/// <summary>
/// The QEMU processes running now. When errata itself exits (Ctrl-C, an unhandled error),
/// the finally blocks of the runs may not get their turn: these are killed then, so no QEMU
/// outlives the command that started it.
/// </summary>
internal static class RunningProcesses
{
    private static readonly HashSet<Process> Running = [];

    static RunningProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    public static void Add(Process process)
    {
        lock (Running) Running.Add(process);
    }

    public static void Remove(Process process)
    {
        lock (Running) Running.Remove(process);
    }

    /// <summary>Kills a process and waits for it; one that already exited is left alone.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill: nothing is left to stop.
        }
    }

    private static void KillAll()
    {
        Process[] all;
        lock (Running) all = [.. Running];
        foreach (var p in all) Stop(p);
    }
}
