using Errata.Diagnostics;
using Scriban.Syntax;

namespace Errata.Site.Rendering;

/// <summary>
/// A template that failed while rendering one document's page, carried out of the document
/// renderer to the build, which reports it at the document (or the scenario block) the
/// author wrote, with the template's own position in the message.
/// </summary>
public sealed class PageRenderException(SourceSpan at, ScriptRuntimeException inner) : Exception(inner.OriginalMessage, inner)
{
    public Diagnostic Diagnostic { get; } = SiteErrors.PageFailed.At(at, TemplatePosition(inner), inner.OriginalMessage);

    private static string TemplatePosition(ScriptRuntimeException e) =>
        new SourceSpan(e.Span.FileName, e.Span.Start.Line, e.Span.Start.Column, 1).ToString();
}
