using Errata.Diagnostics;

namespace Errata.Site.Config;

/// <summary>Why a build refuses its output folder: replacing it would destroy files that are not Errata's.</summary>
public static class OutputErrors
{
    public static readonly DiagnosticDescriptor ProtectedFolder =
        new("ERR0710", DiagnosticCategory.Config, Severity.Error, "{0} '{1}' is {2}; a build replaces its output folder whole, so expected a folder of its own, outside the source and templates folders and not holding the configuration or the working folder");
    public static readonly DiagnosticDescriptor NotErrataOutput =
        new("ERR0711", DiagnosticCategory.Config, Severity.Error, "{0} '{1}' is not empty and no build wrote it (it has no " + Output.OutputMarker.FileName + " file): replacing it would delete its {2} file(s) and folder(s), among them {3}; expected a new or empty folder, or one an earlier build wrote");
    public static readonly DiagnosticDescriptor OutputIsAFile =
        new("ERR0712", DiagnosticCategory.Config, Severity.Error, "{0} '{1}' is a file; expected a folder");
}
