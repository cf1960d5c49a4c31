using Errata.Diagnostics;

namespace Errata.Site;

/// <summary>
/// Every problem the site layer reports (config, source, output, theme, commands), one
/// descriptor each; <see cref="DiagnosticCatalogue"/> lists them with the lower layers'.
/// </summary>
public static class SiteErrors
{
    // The source folder and the files in it
    public static readonly DiagnosticDescriptor DocumentLinkOutside =
        new("ERR0110", DiagnosticCategory.Document, Severity.Error, "'{0}' is a link to '{1}', outside the source folder; expected a document inside it");
    public static readonly DiagnosticDescriptor FolderLinkOutside =
        new("ERR0111", DiagnosticCategory.Document, Severity.Warning, "folder '{0}' is a link to '{1}', outside the source folder; it is not read");
    public static readonly DiagnosticDescriptor LinkLoop =
        new("ERR0112", DiagnosticCategory.Document, Severity.Warning, "'{0}' is a loop of links; it is not read");

    // site.config.json
    public static readonly DiagnosticDescriptor UnknownKey =
        new("ERR0701", DiagnosticCategory.Config, Severity.Error, "unknown key '{0}'{1}; expected one of: {2}");
    public static readonly DiagnosticDescriptor WrongType =
        new("ERR0702", DiagnosticCategory.Config, Severity.Error, "'{0}' must be {1}, found {2}");
    public static readonly DiagnosticDescriptor InvalidJson =
        new("ERR0703", DiagnosticCategory.Config, Severity.Error, "invalid JSON: {0}");
    public static readonly DiagnosticDescriptor MissingFolder =
        new("ERR0704", DiagnosticCategory.Config, Severity.Error, "the {0} folder '{1}' does not exist");
    public static readonly DiagnosticDescriptor MissingConfig =
        new("ERR0705", DiagnosticCategory.Config, Severity.Error, "configuration file '{0}' does not exist; run 'errata init' to create a site here, or pass --config FILE");
    public static readonly DiagnosticDescriptor UnknownProfile =
        new("ERR0706", DiagnosticCategory.Config, Severity.Error, "unknown profile '{0}'; expected one of: {1}");
    public static readonly DiagnosticDescriptor BadTimeout =
        new("ERR0720", DiagnosticCategory.Config, Severity.Error, "'{0}' must be a whole number of milliseconds from 1 to {1}");
    public static readonly DiagnosticDescriptor DuplicateKey =
        new("ERR0730", DiagnosticCategory.Config, Severity.Error, "key '{0}' is given twice (first at {1}); expected each key once");

    // Where the output folder may go
    public static readonly DiagnosticDescriptor ProtectedFolder =
        new("ERR0710", DiagnosticCategory.Config, Severity.Error, "{0} '{1}' is {2}; a build replaces its output folder whole, so expected a folder of its own, outside the source and templates folders and not holding the configuration or the working folder");
    public static readonly DiagnosticDescriptor NotErrataOutput =
        new("ERR0711", DiagnosticCategory.Config, Severity.Error, "{0} '{1}' is not empty and no build wrote it (it has no " + Output.OutputMarker.FileName + " file): replacing it would delete its {2} file(s) and folder(s), among them {3}; expected a new or empty folder, or one an earlier build wrote");
    public static readonly DiagnosticDescriptor OutputIsAFile =
        new("ERR0712", DiagnosticCategory.Config, Severity.Error, "{0} '{1}' is a file; expected a folder");

    // The theme
    public static readonly DiagnosticDescriptor Syntax =
        new("ERR0801", DiagnosticCategory.Template, Severity.Error, "the template does not parse: {0}; expected Scriban template syntax");
    public static readonly DiagnosticDescriptor Missing =
        new("ERR0802", DiagnosticCategory.Template, Severity.Error, "template '{0}' is missing from the templates folder '{1}'");
    public static readonly DiagnosticDescriptor Runtime =
        new("ERR0803", DiagnosticCategory.Template, Severity.Error, "the template failed while rendering: {0}; expected the template to finish");
    public static readonly DiagnosticDescriptor PageFailed =
        new("ERR0804", DiagnosticCategory.Template, Severity.Error, "the theme could not render this page: {0}: {1}; expected the template to finish");

    // errata accept
    /// <summary>Not bad input: accept did its work, but a claim the author wrote is gone and the author should know.</summary>
    public static readonly DiagnosticDescriptor ClaimRemoved =
        new("ERR0920", DiagnosticCategory.Command, Severity.Warning, "claim '{0}' does not hold on {1} and nothing observed replaces it; accept removed it there");

    /// <summary>Bad input: a document without scenarios gives accept nothing to do, which must not pass for success.</summary>
    public static readonly DiagnosticDescriptor NothingToAccept =
        new("ERR0811", DiagnosticCategory.Command, Severity.Error, "{0} has no scenario; expected a document with at least one scenario to accept");

    // errata run
    public static readonly DiagnosticDescriptor NoSuchScenario =
        new("ERR0901", DiagnosticCategory.Command, Severity.Error, "no scenario named '{0}' in {1}");
    public static readonly DiagnosticDescriptor ProfileNotRun =
        new("ERR0902", DiagnosticCategory.Command, Severity.Error, "scenario '{0}' does not run on profile '{1}' (it runs on: {2})");

    // Reports of check
    public static readonly DiagnosticDescriptor Unwritable =
        new("ERR0904", DiagnosticCategory.Command, Severity.Error, "cannot write the report '{0}': {1}; expected a file path in a folder that can be written");

    // errata serve
    public static readonly DiagnosticDescriptor CannotListen =
        new("ERR0905", DiagnosticCategory.Command, Severity.Error, "cannot listen on {0} port {1}: {2}; expected a free port (choose one with --port N)");

    // errata init
    public static readonly DiagnosticDescriptor NotEmpty =
        new("ERR0903", DiagnosticCategory.Command, Severity.Error, "'{0}' already exists and is not empty; expected a new or empty folder");

    public static readonly DiagnosticDescriptor IsAFile =
        new("ERR0906", DiagnosticCategory.Command, Severity.Error, "'{0}' is a file; expected a new or empty folder for the site");

    // References between pages (:ref:, :doc:, toctree) that name nothing: warnings at the reference
    public static readonly DiagnosticDescriptor UnknownLabel =
        new("ERR0212", DiagnosticCategory.Markup, Severity.Warning, "undefined label '{0}' in :ref:; expected the name of a target (.. _{0}:) in one of the site's pages");
    public static readonly DiagnosticDescriptor UnknownDocument =
        new("ERR0213", DiagnosticCategory.Markup, Severity.Warning, "unknown document '{0}' in :doc:; expected the path of a page without its extension, relative to this page or to the source folder with a leading '/'");
    public static readonly DiagnosticDescriptor UnknownTocTreeEntry =
        new("ERR0214", DiagnosticCategory.Markup, Severity.Warning, "toctree contains a reference to the unknown document '{0}'; expected the path of a page without its extension");

    // check --mutate, filters and merged reports
    public static readonly DiagnosticDescriptor CannotFail =
        new("ERR1100", DiagnosticCategory.Claim, Severity.Error, "claim '{0}' cannot fail: it holds on {1} under every mutation ({2}); expected a claim some rule decides, or '; deliberate: REASON' after it");
    public static readonly DiagnosticDescriptor DeliberateCanFail =
        new("ERR1102", DiagnosticCategory.Claim, Severity.Warning, "claim '{0}' is marked deliberate, but it fails on {1} with {2} inverted; expected the mark only on a claim no mutation makes fail");
    public static readonly DiagnosticDescriptor NothingSelected =
        new("ERR1103", DiagnosticCategory.Command, Severity.Error, "no scenario matches {0}; expected a document path (a glob or a prefix) or a scenario name the site has");
    public static readonly DiagnosticDescriptor UnreadableReport =
        new("ERR1104", DiagnosticCategory.Command, Severity.Error, "cannot merge '{0}': {1}; expected a report errata check wrote with --format json, sarif or junit");
}
