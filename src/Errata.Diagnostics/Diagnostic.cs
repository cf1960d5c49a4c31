using System.Globalization;

namespace Errata.Diagnostics;

/// <summary>A problem in a user's input, reported as a value with its source span.</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, SourceSpan Span, IReadOnlyList<object?> Arguments)
{
    public Severity Severity => Descriptor.Severity;
    public string Id => Descriptor.Id;
    public bool IsError => Descriptor.Severity == Severity.Error;

    public string Message =>
        Arguments.Count == 0
            ? Descriptor.MessageFormat
            : string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, Arguments.ToArray());

    public override string ToString() => DiagnosticFormatter.Format(this);
}
