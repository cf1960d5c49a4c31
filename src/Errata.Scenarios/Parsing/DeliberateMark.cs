using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Parsing;

/// <summary>
/// `expect: CLAIM ; deliberate: REASON`: the comment of an expect line that says the claim is
/// meant to hold whatever the rules decide (docs/guide/scenarios.md). Written as a comment, as
/// linters take their suppressions, so that everything else reads the line as before.
/// </summary>
internal static class DeliberateMark
{
    public const string Keyword = "deliberate:";

    /// <summary>The reason, located; null when the comment is not a mark. A mark without a reason is an error.</summary>
    public static Located<string>? Read(SourceLine line, int commentColumn, DiagnosticBag diagnostics)
    {
        if (commentColumn >= line.Text.Length) return null;
        var comment = line.Text[(commentColumn + 1)..];
        var start = LineText.LeadingSpaces(comment);
        if (!comment.AsSpan(start).StartsWith(Keyword, StringComparison.Ordinal)) return null;
        var keywordColumn = commentColumn + 1 + start;
        var rest = comment[(start + Keyword.Length)..];
        var reason = rest.Trim();
        if (reason.Length == 0)
        {
            diagnostics.Add(ScenarioErrors.DeliberateWithoutReason, line.At(keywordColumn, Keyword.Length));
            return null;
        }
        var reasonColumn = keywordColumn + Keyword.Length + LineText.LeadingSpaces(rest);
        return new Located<string>(reason, line.At(reasonColumn, reason.Length));
    }
}
