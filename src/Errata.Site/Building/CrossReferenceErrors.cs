using Errata.Documents.Diagnostics;

namespace Errata.Site.Building;

/// <summary>
/// References between pages that name nothing: warnings at the reference (Markup: the page
/// still builds, the text stays as written; --strict makes them stop the build).
/// Ids are stable; a retired id stays here as a comment.
/// </summary>
public static class CrossReferenceErrors
{
    public static readonly DiagnosticDescriptor UnknownLabel =
        new("ERR0212", DiagnosticDescriptor.Markup, Severity.Warning, "undefined label '{0}' in :ref:; expected the name of a target (.. _{0}:) in one of the site's pages");
    public static readonly DiagnosticDescriptor UnknownDocument =
        new("ERR0213", DiagnosticDescriptor.Markup, Severity.Warning, "unknown document '{0}' in :doc:; expected the path of a page without its extension, relative to this page or to the source folder with a leading '/'");
    public static readonly DiagnosticDescriptor UnknownTocTreeEntry =
        new("ERR0214", DiagnosticDescriptor.Markup, Severity.Warning, "toctree contains a reference to the unknown document '{0}'; expected the path of a page without its extension");
}
