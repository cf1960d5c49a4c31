namespace Errata.Testing.Fuzzing;

/// <summary>
/// One finding on one input. Findings with the same <see cref="Key"/> (class, exception
/// type or diagnostic id, and top frame in Errata's code) are one bug; the campaign keeps
/// the smallest input of each.
/// </summary>
internal sealed record Finding(FindingClass Class, string Signature, string Detail, int Index)
{
    public string Key => $"{Class}: {Signature}";

    public static Finding FromException(Exception e, int index, string phase)
    {
        if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate) e = aggregate.InnerExceptions[0];
        return new Finding(FindingClass.Crash, $"{e.GetType().Name} at {TopFrame(e)} ({phase})", e.ToString(), index);
    }

    /// <summary>The innermost frame in Errata's own code, where the fix will be; the throwing frame when none is.</summary>
    private static string TopFrame(Exception e)
    {
        var frames = new System.Diagnostics.StackTrace(e, false).GetFrames();
        var method = frames.Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.FullName?.StartsWith("Errata.", StringComparison.Ordinal) == true)
            ?? frames.FirstOrDefault()?.GetMethod();
        return method is null ? "?" : $"{method.DeclaringType?.FullName}.{method.Name}";
    }
}
