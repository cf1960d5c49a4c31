using Errata.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Syntax;

namespace Errata.Scenarios.Parsing;

/// <summary>
/// Reads a scenario block's body (docs/guide/scenarios.md): header lines, then sections, then
/// expect lines. Diagnostics point at the document's own lines and columns.
/// </summary>
public static class ScenarioParser
{
    private static readonly string[] HeaderKeys = ["title", "profiles", "inject", "budget", "vmcb"];

    public static Scenario Parse(ScenarioBlock block, DiagnosticBag diagnostics)
    {
        var scenario = new Scenario
        {
            Name = block.Name,
            Span = block.Span,
            Lines = block.Lines,
            LastLine = block.Lines.Count > 0 ? block.Lines[^1].Origin.Line : block.Span.Line,
        };
        SectionSyntax? current = null;
        var seenHeaders = new HashSet<string>(StringComparer.Ordinal);

        foreach (var line in block.Lines)
        {
            var content = LineText.StripComment(line.Text);
            var indent = LineText.LeadingSpaces(content);
            var body = content.Trim();
            if (body.Length == 0)
                continue;

            if (StartsWithWord(body, ExpectWord))
            {
                ParseExpect(line, indent, body, content.Length, scenario, diagnostics);
                continue;
            }
            if (StartsWithWord(body, GapWord))
            {
                ParseGap(line, indent, body, scenario, diagnostics);
                continue;
            }
            if (body.EndsWith(':') && SectionNames.TryRead(body[..^1].Trim(), out var kind, out var sectionName))
            {
                if (scenario.Sections.Exists(s => s.Name == sectionName))
                    diagnostics.Add(ScenarioErrors.DuplicateSection, line.At(indent, body.Length), sectionName);
                current = new SectionSyntax(kind, sectionName, line.At(indent, body.Length), []);
                scenario.Sections.Add(current);
                continue;
            }
            if (current is not null)
            {
                current.Lines.Add(line);
                continue;
            }
            ParseHeader(line, indent, body, scenario, seenHeaders, diagnostics);
        }

        if (!scenario.Sections.Exists(s => s.Kind == SectionKind.Code))
            diagnostics.Add(ScenarioErrors.MissingCode, block.Span with { Length = Math.Min(block.Span.Length, 3) }, block.Name);
        return scenario;
    }

    private const string ExpectWord = "expect";
    private const string GapWord = "gap";

    /// <summary>Whether the line is an expect or gap line: the word, then a colon or white space.</summary>
    private static bool StartsWithWord(string body, string word) =>
        body.StartsWith(word, StringComparison.Ordinal) && body.Length > word.Length && body[word.Length] is ':' or ' ' or '\t';

    private static void ParseHeader(SourceLine line, int indent, string body, Scenario scenario, HashSet<string> seen, DiagnosticBag diagnostics)
    {
        var colon = body.IndexOf(':');
        if (colon <= 0)
        {
            diagnostics.Add(ScenarioErrors.LineBeforeSection, line.At(indent, body.Length), body);
            return;
        }
        var key = body[..colon].Trim();
        var rawValue = body[(colon + 1)..];
        var value = rawValue.Trim();
        var valueColumn = indent + colon + 1 + LineText.LeadingSpaces(rawValue);
        var keySpan = line.At(indent, key.Length);
        if (!HeaderKeys.Contains(key))
        {
            diagnostics.Add(ScenarioErrors.UnknownHeaderKey, keySpan, key);
            return;
        }
        if (key is not ("inject" or "vmcb") && !seen.Add(key))
            diagnostics.Add(ScenarioErrors.DuplicateHeader, keySpan, key);

        switch (key)
        {
            case "title":
                scenario.Title = value;
                break;
            case "profiles":
                scenario.Profiles = Words(value, valueColumn).Select(w => new Located<string>(w.Text, line.At(w.Column, w.Text.Length))).ToList();
                break;
            case "budget":
                var budgetSpan = line.At(valueColumn, Math.Max(1, value.Length));
                if (!long.TryParse(value.Replace("_", ""), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var budget) || budget <= 0)
                    diagnostics.Add(ScenarioErrors.BadBudget, budgetSpan, value);
                else if (budget > Scenario.MaxBudget)
                    diagnostics.Add(ScenarioErrors.BudgetTooLarge, budgetSpan, value, Scenario.MaxBudget.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                else
                    scenario.Budget = budget;
                break;
            case "vmcb":
                foreach (var (word, column) in Words(value, valueColumn))
                {
                    var eq = word.IndexOf('=');
                    if (eq <= 0 || eq == word.Length - 1)
                    {
                        diagnostics.Add(ScenarioErrors.BadVmcbSetting, line.At(column, word.Length), word);
                        continue;
                    }
                    scenario.Vmcb.Add(new VmcbSetting(word[..eq], word[(eq + 1)..], line.At(column, eq), line.At(column + eq + 1, word.Length - eq - 1)));
                }
                break;
            case "inject":
                var at = value.LastIndexOf(" at ", StringComparison.Ordinal);
                if (at <= 0)
                {
                    diagnostics.Add(ScenarioErrors.BadInject, line.At(valueColumn, Math.Max(1, value.Length)), value);
                    break;
                }
                var ev = value[..at].Trim();
                var label = value[(at + 4)..].Trim();
                var labelColumn = valueColumn + value.IndexOf(label, at + 4, StringComparison.Ordinal);
                scenario.Injects.Add(new InjectLine(ev, label, line, line.At(valueColumn, ev.Length), line.At(labelColumn, label.Length)));
                break;
        }
    }

    /// <param name="commentColumn">Where the line's comment starts (its length when it has none), which may mark the claim deliberate.</param>
    private static void ParseExpect(SourceLine line, int indent, string body, int commentColumn, Scenario scenario, DiagnosticBag diagnostics)
    {
        if (ClaimLine(line, indent, body, ExpectWord.Length, diagnostics) is not { } c)
        {
            if (body.IndexOf(':') < 0)
                diagnostics.Add(ScenarioErrors.BadAssertion, line.At(indent, body.Length), body, "expected 'expect: ASSERTION' or 'expect PROFILE: ASSERTION'");
            return;
        }
        scenario.Expects.Add(new ExpectLine(c.Text, c.Assertion, c.Profiles, c.Span)
        {
            Deliberate = DeliberateMark.Read(line, commentColumn, diagnostics),
        });
    }

    /// <summary>`gap PROFILE [PROFILE...]: CLAIM`, the claim read by the same grammar as an expect line's.</summary>
    private static void ParseGap(SourceLine line, int indent, string body, Scenario scenario, DiagnosticBag diagnostics)
    {
        if (ClaimLine(line, indent, body, GapWord.Length, diagnostics) is not { } c)
        {
            if (body.IndexOf(':') < 0)
                diagnostics.Add(GapErrors.BadGapLine, line.At(indent, body.Length), body);
            return;
        }
        if (c.Profiles.Count == 0)
        {
            diagnostics.Add(GapErrors.GapWithoutProfiles, line.At(indent, GapWord.Length));
            return;
        }
        scenario.Gaps.Add(new GapLine(c.Text, c.Assertion, c.Profiles, c.Span));
    }

    private readonly record struct ClaimLineParts(string Text, Claims.Assertion Assertion, List<Located<string>> Profiles, SourceSpan Span);

    /// <summary>
    /// The parts of `WORD [PROFILE...]: CLAIM` after the word's <paramref name="wordLength"/>
    /// characters; null when there is no colon (the caller says what it expected) or the claim
    /// cannot be read (reported at its column).
    /// </summary>
    private static ClaimLineParts? ClaimLine(SourceLine line, int indent, string body, int wordLength, DiagnosticBag diagnostics)
    {
        var colon = body.IndexOf(':');
        if (colon < 0) return null;
        var profiles = Words(body[wordLength..colon], indent + wordLength)
            .Select(w => new Located<string>(w.Text, line.At(w.Column, w.Text.Length)))
            .ToList();
        var raw = body[(colon + 1)..];
        var text = raw.Trim();
        var textColumn = indent + colon + 1 + LineText.LeadingSpaces(raw);
        var parsed = AssertionParser.Parse(text);
        if (parsed.Assertion is null)
        {
            diagnostics.Add(ScenarioErrors.BadAssertion, line.At(textColumn + parsed.ErrorOffset, parsed.ErrorLength), text, parsed.Error);
            return null;
        }
        return new ClaimLineParts(text, parsed.Assertion, profiles, line.At(textColumn, text.Length));
    }

    private static IEnumerable<(string Text, int Column)> Words(string s, int column)
    {
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == ',')) i++;
            var start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != ',') i++;
            if (i > start) yield return (s[start..i], column + start);
        }
    }
}
