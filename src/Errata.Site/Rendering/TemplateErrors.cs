using Errata.Diagnostics;

namespace Errata.Site.Rendering;

public static class TemplateErrors
{
    public static readonly DiagnosticDescriptor Syntax =
        new("ERR0801", DiagnosticCategory.Template, Severity.Error, "the template does not parse: {0}; expected Scriban template syntax");
    public static readonly DiagnosticDescriptor Missing =
        new("ERR0802", DiagnosticCategory.Template, Severity.Error, "template '{0}' is missing from the templates folder '{1}'");
    public static readonly DiagnosticDescriptor Runtime =
        new("ERR0803", DiagnosticCategory.Template, Severity.Error, "the template failed while rendering: {0}; expected the template to finish");
    public static readonly DiagnosticDescriptor PageFailed =
        new("ERR0804", DiagnosticCategory.Template, Severity.Error, "the theme could not render this page: {0}: {1}; expected the template to finish");
}
