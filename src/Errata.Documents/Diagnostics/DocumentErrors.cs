using Errata.Diagnostics;

namespace Errata.Documents.Diagnostics;

/// <summary>The document readers' diagnostics. Ids are stable; a retired id stays here as a comment.</summary>
public static class DocumentErrors
{
    public static readonly DiagnosticDescriptor UnreadableFile =
        new("ERR0101", DiagnosticCategory.Document, Severity.Error, "cannot read '{0}': {1}");
    public static readonly DiagnosticDescriptor ScenarioWithoutName =
        new("ERR0102", DiagnosticCategory.Document, Severity.Error, "a scenario block has no name; expected {0}");
    // ERR0103, a control character, is TextErrors.ControlCharacter: the assembler reports it too.
    public static readonly DiagnosticDescriptor NestingTooDeep =
        new("ERR0120", DiagnosticCategory.Document, Severity.Error, "nesting deeper than {0} levels (block quotes, lists, links or emphasis inside one another); expected at most {0}");
    public static readonly DiagnosticDescriptor MarkdownRefused =
        new("ERR0121", DiagnosticCategory.Document, Severity.Error, "the Markdown parser could not read the document ({0}); expected Markdown it accepts");
    public static readonly DiagnosticDescriptor InvalidUtf8 =
        new("ERR0122", DiagnosticCategory.Document, Severity.Warning, "byte 0x{0:X2} is not UTF-8 (it reads as U+FFFD); expected UTF-8 text");
}
