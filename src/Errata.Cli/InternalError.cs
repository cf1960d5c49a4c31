using Errata.Site.Building;

namespace Errata.Cli;

/// <summary>
/// An exception that escaped a command: one line on stderr saying what failed and where, and
/// exit 3. The stack trace follows only when ERRATA_STACKTRACE=1, for whoever fixes the bug.
/// </summary>
internal static class InternalError
{
    public const string StackTraceVariable = "ERRATA_STACKTRACE";

    public static ExitCode Report(Exception e, TextWriter stderr)
    {
        stderr.WriteLine($"errata: internal error: {InternalFault.Describe(e)}");
        if (Environment.GetEnvironmentVariable(StackTraceVariable) == "1") stderr.WriteLine(e);
        return ExitCode.InternalError;
    }
}
