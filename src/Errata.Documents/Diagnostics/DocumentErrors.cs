using Errata.Diagnostics;

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
    public static readonly DiagnosticDescriptor MarkdownRefused =
        new("ERR0121", "Document", Severity.Error, "the Markdown parser could not read the document ({0}); expected Markdown it accepts");
    public static readonly DiagnosticDescriptor InvalidUtf8 =
        new("ERR0122", "Document", Severity.Warning, "byte 0x{0:X2} is not UTF-8 (it reads as U+FFFD); expected UTF-8 text");
}
