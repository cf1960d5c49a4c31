using Errata.Diagnostics;

namespace Errata.Documents.Markdown;

/// <summary>What the Markdown reader reports about constructs the document model has no node for.</summary>
public static class MarkdownErrors
{
    /// <summary>
    /// A Markdig container the reader does not know (from a Markdig extension): its content is
    /// kept and shown plainly, never dressed up as a quote or emphasis it is not.
    /// </summary>
    public static readonly DiagnosticDescriptor UnsupportedContainer =
        new("ERR0810", DiagnosticCategory.Markup, Severity.Warning, "Markdown {0} '{1}' is not supported, so its content is shown without it; expected CommonMark or a pipe table");
}
