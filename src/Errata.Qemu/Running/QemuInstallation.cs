using System.Diagnostics;
using Errata.Machine.Backends;

namespace Errata.Qemu.Running;

/// <summary>Where qemu-system-x86_64 is and which version it is (the first line of `--version`).</summary>
public sealed record QemuInstallation(string Executable, string Version)
{
    public const string ProgramName = "qemu-system-x86_64";

    /// <summary>Finds the program on PATH (or at <paramref name="executable"/>) and asks its version; a failure says how to install it.</summary>
    public static QemuInstallation Find(string? executable = null)
    {
        var path = executable ?? Which(ProgramName)
            ?? throw new BackendFailure($"{ProgramName} was not found on PATH; install QEMU (Debian: apt-get install qemu-system-x86)");
        if (!File.Exists(path)) throw new BackendFailure($"{path} does not exist; install QEMU (Debian: apt-get install qemu-system-x86)");
        var info = new ProcessStartInfo(path, "--version")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                throw new BackendFailure($"{path} --version did not answer within 10 s");
            }
            var first = output.Split('\n', 2)[0].Trim();
            const string prefix = "QEMU emulator version ";
            if (process.ExitCode != 0 || !first.StartsWith(prefix, StringComparison.Ordinal))
                throw new BackendFailure($"{path} --version did not print a QEMU version (exit {process.ExitCode}: '{first}')");
            return new QemuInstallation(path, first[prefix.Length..]);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BackendFailure($"{path} could not be started: {e.Message}");
        }
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
