using Errata.Site.Building;

namespace Errata.Cli;

/// <summary>
/// An exception that escaped a command: one line on stderr saying what failed and where, and
/// exit 3. The stack trace follows only when ERRATA_STACKTRACE=1, for whoever fixes the bug.
/// </summary>
internal static class InternalError
{
    public const string StackTraceVariable = "ERRATA_STACKTRACE";

    public static int Report(Exception e, TextWriter stderr)
    {
        var cause = Unwrap(e);
        stderr.WriteLine($"errata: internal error: {Describe(cause)}");
        if (Environment.GetEnvironmentVariable(StackTraceVariable) == "1") stderr.WriteLine(e);
        return (int)ExitCode.InternalError;
    }

    /// <summary>Parallel work wraps what failed; the first inner exception is the one to name.</summary>
    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: > 0 } a) e = a.InnerExceptions[0];
        return e;
    }

    /// <summary>A machine fault already names its scenario and profile; anything else is named by the method that threw it.</summary>
    private static string Describe(Exception e)
    {
        if (e is Scenarios.Running.MachineFaultException) return e.Message;
        var where = e.TargetSite is { } site ? $" in {site.DeclaringType?.Name}.{site.Name}" : "";
        return $"{e.GetType().Name}: {e.Message}{where}";
    }
}
