using Errata.Diagnostics;

namespace Errata.Documents.Rst;

/// <summary>
/// Problems in RST prose markup, one descriptor each. A message starts with docutils' own
/// sentence, so an author can look it up (and the corpus tests compare it with docutils'),
/// and then says what was expected. docutils WARNING is a warning; ERROR and SEVERE are
/// errors. All are <see cref="DiagnosticCategory.Markup"/>: the page still renders.
/// Ids are stable; a retired id stays here as a comment.
/// </summary>
public static class RstMarkupErrors
{
    private const DiagnosticCategory Category = DiagnosticCategory.Markup;

    // ERR0201 and ERR0202 retired: they carried every docutils warning and error as bare text; each problem below has its own id.

    public static readonly DiagnosticDescriptor LiteralBlockExpected =
        new("ERR0230", Category, Severity.Warning, "Literal block expected; none found. Expected an indented (or quoted) block after the blank line that follows '::'.");
    public static readonly DiagnosticDescriptor BlankLineAfterTable =
        new("ERR0231", Category, Severity.Warning, "Blank line required after table. Expected a blank line after the table's last border.");
    public static readonly DiagnosticDescriptor InlineWithoutEnd =
        new("ERR0232", Category, Severity.Warning, "Inline {0} start-string without end-string. Expected a matching end-string, or a backslash before the start-string to keep it as text.");
    public static readonly DiagnosticDescriptor MultipleRoles =
        new("ERR0233", Category, Severity.Warning, "Multiple roles in interpreted text (both prefix and suffix present; only one allowed). Expected one role, as :role:`text` or `text`:role:.");
    public static readonly DiagnosticDescriptor RoleAndReference =
        new("ERR0234", Category, Severity.Warning, "Mismatch: both interpreted text role {0} and reference suffix. Expected either a role or a reference's trailing underscore, not both.");
    public static readonly DiagnosticDescriptor UnexpectedUnindent =
        new("ERR0235", Category, Severity.Warning, "{0} ends without a blank line; unexpected unindent. Expected a blank line before the text that follows it.");
    public static readonly DiagnosticDescriptor TitleUnderlineTooShort =
        new("ERR0236", Category, Severity.Warning, "Title underline too short. Expected an underline at least as long as the title.");
    public static readonly DiagnosticDescriptor TitleOverlineTooShort =
        new("ERR0237", Category, Severity.Warning, "Title overline too short. Expected an overline at least as long as the title.");
    public static readonly DiagnosticDescriptor LineBlockWithoutBlankLine =
        new("ERR0238", Category, Severity.Warning, "Line block ends without a blank line. Expected a blank line after the line block's last line.");
    public static readonly DiagnosticDescriptor EmptyBibliographicField =
        new("ERR0239", Category, Severity.Warning, "Cannot extract empty bibliographic field \"{0}\". Expected a value after the field name.");
    public static readonly DiagnosticDescriptor CompoundBibliographicField =
        new("ERR0240", Category, Severity.Warning, "Cannot extract compound bibliographic field \"{0}\". Expected a single paragraph as its value.");

    public static readonly DiagnosticDescriptor UnexpectedIndentation =
        new("ERR0241", Category, Severity.Error, "Unexpected indentation. Expected the line at the indentation of the text before it, or a blank line before an indented block.");
    public static readonly DiagnosticDescriptor InconsistentLiteralQuoting =
        new("ERR0242", Category, Severity.Error, "Inconsistent literal block quoting. Expected every line of a quoted literal block to start with the same character.");
    public static readonly DiagnosticDescriptor MalformedTable =
        new("ERR0243", Category, Severity.Error, "Malformed table. Expected borders and column separators that line up.{0}");
    public static readonly DiagnosticDescriptor MalformedSubstitutionDefinition =
        new("ERR0244", Category, Severity.Error, "malformed substitution definition. Expected .. |name| directive:: with a name between the bars.");
    public static readonly DiagnosticDescriptor EmptySubstitutionDefinition =
        new("ERR0245", Category, Severity.Error, "Substitution definition \"{0}\" empty or invalid. Expected one of the directives replace::, unicode::, date:: or image:: after the name.");
    public static readonly DiagnosticDescriptor CircularSubstitution =
        new("ERR0246", Category, Severity.Error, "Circular substitution definition referenced: \"{0}\". Expected substitutions that do not lead back to themselves.");
    public static readonly DiagnosticDescriptor DuplicateTargetName =
        new("ERR0247", Category, Severity.Error, "Duplicate target name, cannot be used as a unique reference: \"{0}\". Expected one target of that name.");
    public static readonly DiagnosticDescriptor UnknownTargetName =
        new("ERR0248", Category, Severity.Error, "Unknown target name: \"{0}\". Expected a target, section title, footnote or citation of that name in the document.");
    public static readonly DiagnosticDescriptor MalformedTarget =
        new("ERR0249", Category, Severity.Error, "malformed hyperlink target. Expected .. _name: URL, or .. _name: before the element it names.");
    public static readonly DiagnosticDescriptor UnexpectedTitleOrTransition =
        new("ERR0250", Category, Severity.Error, "Unexpected section title or transition. Expected titles and transitions outside lists, block quotes and directives.");
    public static readonly DiagnosticDescriptor InvalidTitleOrTransition =
        new("ERR0251", Category, Severity.Error, "Invalid section title or transition marker. Expected a title line between an overline and an underline, or a blank line after a transition.");
    public static readonly DiagnosticDescriptor UnexpectedSectionTitle =
        new("ERR0252", Category, Severity.Error, "Unexpected section title. Expected section titles outside lists, block quotes and directives.");
    public static readonly DiagnosticDescriptor IncompleteSectionTitle =
        new("ERR0253", Category, Severity.Error, "Incomplete section title. Expected an overline, a title line and an underline.");
    public static readonly DiagnosticDescriptor MissingUnderline =
        new("ERR0254", Category, Severity.Error, "Missing matching underline for section title overline. Expected an underline under the title, as the overline.");
    public static readonly DiagnosticDescriptor OverlineUnderlineMismatch =
        new("ERR0255", Category, Severity.Error, "Title overline & underline mismatch. Expected the underline to repeat the overline.");
    public static readonly DiagnosticDescriptor TitleLevelInconsistent =
        new("ERR0256", Category, Severity.Error, "Title level inconsistent: Expected a title style used for an enclosing section, or a new one only one level deeper than the current section.");
}
