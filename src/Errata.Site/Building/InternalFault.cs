namespace Errata.Site.Building;

/// <summary>
/// Names an exception that escaped the pipeline (a bug in Errata, never a verdict) in one line:
/// what failed and where. A machine fault already names its scenario, file, line and profile.
/// </summary>
public static class InternalFault
{
    public static string Describe(Exception e)
    {
        // Parallel work wraps what failed; the first inner exception is the one to name.
        while (e is AggregateException { InnerExceptions.Count: > 0 } a) e = a.InnerExceptions[0];
        if (e is Scenarios.Running.MachineFaultException) return e.Message;
        var where = e.TargetSite is { } site ? $" in {site.DeclaringType?.Name}.{site.Name}" : "";
        return $"{e.GetType().Name}: {e.Message}{where}";
    }
}
