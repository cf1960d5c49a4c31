using System.Diagnostics;
using Errata.Machine.Backends;

namespace Errata.Qemu.Running;

/// <summary>What one QEMU process printed on the debug console (its standard output) and how it exited.</summary>
public sealed record QemuExit(int Status, string Console, string Errors);

/// <summary>
/// Runs QEMU once: the image in a temporary file, the debug console on standard output, a wall-clock
/// limit. The process (and anything it started) is killed on every path out, the file deleted.
/// </summary>
public static class QemuProcess
{
    public static QemuExit Run(QemuInstallation qemu, QemuAccel accel, byte[] image, TimeSpan timeout)
    {
        var file = Path.Combine(Path.GetTempPath(), $"errata-qemu-{Guid.NewGuid():N}.img");
        File.WriteAllBytes(file, image);
        Process? process = null;
        try
        {
            var info = new ProcessStartInfo(qemu.Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var arg in QemuCommandLine.Arguments(accel, file)) info.ArgumentList.Add(arg);
            try
            {
                process = Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new BackendFailure($"{qemu.Executable} could not be started: {e.Message}");
            }
            process.StandardInput.Close();
            var console = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
                throw new BackendFailure($"the guest did not finish within {timeout.TotalSeconds:0.###} s on QEMU (-accel {accel.Accel}); it was stopped");
            process.WaitForExit();
            return new QemuExit(process.ExitCode, console.Result, errors.Result);
        }
        finally
        {
            if (process is not null)
            {
                Stop(process);
                process.Dispose();
            }
            File.Delete(file);
        }
    }

    private static void Stop(Process process)
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
}
