using Errata.Diagnostics;

namespace Errata.Documents.Rst;

/// <summary>
/// The RST reader's diagnostics about directives and scenarios; problems in prose are in
/// <see cref="RstMarkupErrors"/>. Messages follow docutils' wording so authors can look
/// them up; docutils WARNING becomes a warning, ERROR and SEVERE become errors.
/// Markup problems are reported and rendered visibly, but they stop a build only under
/// --strict. A scenario that cannot be read always stops it.
/// Ids are stable; a retired id stays here as a comment.
/// </summary>
public static class RstErrors
{
    private const DiagnosticCategory Category = DiagnosticCategory.Document;

    // ERR0201 and ERR0202 retired: each problem in prose markup has its own id in RstMarkupErrors.
    // ERR0203 retired: a scenario without a name is DocumentErrors.ScenarioWithoutName (ERR0102) in every format.
    public static readonly DiagnosticDescriptor ScenarioWithoutBody =
        new("ERR0204", Category, Severity.Error, "scenario '{0}' has no body; indent its lines under the directive after a blank line");
    // ERR0205 reserved: scenario errors beyond a missing name or body come from the directive block (ERR0210).
    public static readonly DiagnosticDescriptor IncludeOutsideRoot =
        new("ERR0206", DiagnosticCategory.Markup, Severity.Error, "include '{0}' is outside the source folder");
    public static readonly DiagnosticDescriptor IncludeUnreadable =
        new("ERR0207", DiagnosticCategory.Markup, Severity.Error, "cannot include '{0}': {1}");
    public static readonly DiagnosticDescriptor RawDisabled =
        new("ERR0208", DiagnosticCategory.Markup, Severity.Warning, "\"raw\" directive disabled; enable raw content in the site configuration to keep it");
    public static readonly DiagnosticDescriptor UnknownDirective =
        new("ERR0209", DiagnosticCategory.Markup, Severity.Error, "Unknown directive type \"{0}\".");
    public static readonly DiagnosticDescriptor DirectiveError =
        new("ERR0210", DiagnosticCategory.Markup, Severity.Error, "Error in \"{0}\" directive:\n{1}");
    public static readonly DiagnosticDescriptor UndefinedSubstitution =
        new("ERR0211", DiagnosticCategory.Markup, Severity.Error, "Undefined substitution referenced: \"{0}\".");
}
