using Errata.Diagnostics;

namespace Errata.Site.Building;

/// <summary>What walking the source folder refuses. Ids are stable; a retired id stays here as a comment.</summary>
public static class SourceErrors
{
    public static readonly DiagnosticDescriptor DocumentLinkOutside =
        new("ERR0110", DiagnosticCategory.Document, Severity.Error, "'{0}' is a link to '{1}', outside the source folder; expected a document inside it");
    public static readonly DiagnosticDescriptor FolderLinkOutside =
        new("ERR0111", DiagnosticCategory.Document, Severity.Warning, "folder '{0}' is a link to '{1}', outside the source folder; it is not read");
    public static readonly DiagnosticDescriptor LinkLoop =
        new("ERR0112", DiagnosticCategory.Document, Severity.Warning, "'{0}' is a loop of links; it is not read");
}
