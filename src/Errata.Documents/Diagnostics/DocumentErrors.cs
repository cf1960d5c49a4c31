namespace Errata.Documents.Diagnostics;

/// <summary>The document readers' diagnostics. Ids are stable; a retired id stays here as a comment.</summary>
public static class DocumentErrors
{
    public static readonly DiagnosticDescriptor UnreadableFile =
        new("ERR0101", "Document", Severity.Error, "cannot read '{0}': {1}");
    public static readonly DiagnosticDescriptor ScenarioWithoutName =
        new("ERR0102", "Document", Severity.Error, "a scenario block needs a name after 'scenario' (expected ```scenario NAME)");
    public static readonly DiagnosticDescriptor ControlCharacter =
        new("ERR0103", "Document", Severity.Error, "control character U+{0:X4} in the document; expected printable text");
    public static readonly DiagnosticDescriptor NestingTooDeep =
        new("ERR0120", "Document", Severity.Error, "nesting deeper than {0} levels (block quotes, lists, links or emphasis inside one another); expected at most {0}");
}
