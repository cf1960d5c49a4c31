using Errata.Diagnostics;

namespace Errata.Site.Config;

public static class ConfigErrors
{
    public static readonly DiagnosticDescriptor UnknownKey =
        new("ERR0701", DiagnosticCategory.Config, Severity.Error, "unknown key '{0}'; expected one of: {1}");
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
}
