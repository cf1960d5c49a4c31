namespace Errata.Testing.Fuzzing;

/// <summary>What went wrong with one input (the campaign's target is none of any).</summary>
internal enum FindingClass
{
    /// <summary>An exception escaped the pipeline, or the exit code was not 0, 1 or 2.</summary>
    Crash,
    /// <summary>The input did not finish within its wall-clock deadline.</summary>
    Hang,
    /// <summary>An error or warning whose span is not a real place in one of the site's files (<see cref="SpanCheck"/>).</summary>
    UnlocatedDiagnostic,
    /// <summary>An error that stops a build (or any error or warning under --strict) with exit code 0.</summary>
    ErrorWithExitZero,
    /// <summary>A JSON or JUnit report that its own format's parser rejects.</summary>
    InvalidReport,
    /// <summary>The whole process died on the input (a stack overflow, say): found by the supervised benchmark only.</summary>
    ProcessDied,
}
