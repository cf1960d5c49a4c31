using Errata.Diagnostics;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;
using Errata.Scenarios.Syntax;

namespace Errata.Site.Accepting;

/// <summary>
/// The edits accept makes to one scenario's expect lines. A claim that holds on every
/// profile it is for stays byte for byte. A failing claim becomes, per profile, itself
/// where it holds and the observed replacement where it fails, profiles with the same
/// line written together, its comment kept with the original text (or on the first
/// line). Observed lines about subjects no claim speaks about are added after the last
/// expect line when asked, and always to a scenario with no expect line (or none left).
/// </summary>
public static class ScenarioRewriter
{
    public static List<DocumentEdit> Edits(ScenarioResult result, IReadOnlyList<string> lines, string newline, bool addMissing, DiagnosticBag notes)
    {
        var syntax = result.Scenario.Syntax;
        var covered = new HashSet<(string Profile, ClaimSubject Subject)>();
        var edits = new List<DocumentEdit>();
        var written = 0;
        foreach (var expect in syntax.Expects)
        {
            var perRun = PerRun(expect, result, covered, notes);
            if (perRun.All(p => p.Holds))
            {
                written++;
                continue;
            }
            var rewritten = Rewritten(perRun, expect.Text, ExpectLineText.Of(expect, lines[expect.Span.Line]), newline);
            written += rewritten.Count;
            edits.Add(new DocumentEdit(expect.Span.Line, 1, rewritten));
        }
        // A scenario left with no expect line is treated as one that had none, so a second accept finds nothing to add.
        if ((addMissing || written == 0)
            && ObservedClaims.For(result, (profile, subject) => covered.Contains((profile, subject))) is { Count: > 0 } missing)
            edits.Add(Added(missing, syntax, lines, newline));
        return edits;
    }

    /// <summary>Per profile the claim is for: whether it holds, and the lines that stand for it there.</summary>
    private static List<(string Profile, bool Holds, IReadOnlyList<string> Texts)> PerRun(
        ExpectLine expect, ScenarioResult result, HashSet<(string, ClaimSubject)> covered, DiagnosticBag notes)
    {
        var perRun = new List<(string Profile, bool Holds, IReadOnlyList<string> Texts)>();
        var unreplaced = new List<string>();
        foreach (var run in result.Runs)
        {
            if (run.Verdicts.FirstOrDefault(v => v.Expect.Span == expect.Span) is not { } verdict) continue;
            var texts = verdict.Holds ? [expect.Text] : ObservedReplacement.For(expect, run, result);
            if (texts.Count == 0) unreplaced.Add(run.Profile.Name);
            // What the written lines speak about, which for a replacement may be less than the claim did.
            foreach (var subject in texts.SelectMany(ClaimSubject.Of)) covered.Add((run.Profile.Name, subject));
            // A replacement another claim already states on this profile is not written twice.
            var stated = run.Verdicts.Where(v => v.Holds && v.Expect.Span != expect.Span).Select(v => v.Expect.Claim).ToHashSet(StringComparer.Ordinal);
            perRun.Add((run.Profile.Name, verdict.Holds, verdict.Holds ? texts : texts.Where(t => !stated.Contains(t)).ToList()));
        }
        if (unreplaced.Count > 0)
            notes.Add(SiteErrors.ClaimRemoved, expect.Span, expect.Text, string.Join(", ", unreplaced));
        return perRun;
    }

    private static List<string> Rewritten(List<(string Profile, bool Holds, IReadOnlyList<string> Texts)> perRun, string original, ExpectLineText at, string newline)
    {
        var texts = perRun.SelectMany(p => p.Texts).Distinct(StringComparer.Ordinal).ToList();
        // The comment explains the claim as written, so it stays with that text where it survives.
        var commented = Math.Max(0, texts.IndexOf(original));
        var written = new List<string>();
        foreach (var text in texts)
        {
            var holders = perRun.Where(p => p.Texts.Contains(text)).Select(p => p.Profile).ToList();
            // The profiles as written when the line is for all of them, so `expect:` stays `expect:`.
            var head = holders.Count == perRun.Count ? at.Head : $"{at.Indent}expect {string.Join(' ', holders)}: ";
            written.Add(head + text + (written.Count == commented ? at.Tail : ""));
        }
        return WithEndings(written, at.Ending, newline);
    }

    private static DocumentEdit Added(IReadOnlyList<string> missing, Scenario syntax, IReadOnlyList<string> lines, string newline)
    {
        var anchor = syntax.Expects.Count > 0 ? syntax.Expects.Max(e => e.Span.Line) : syntax.LastLine;
        // The last expect line's indentation, or the section headers': none in Markdown, the directive's content indent in RST.
        var indent = syntax.Expects.Count > 0
            ? ExpectLineText.Of(syntax.Expects.First(e => e.Span.Line == anchor), lines[anchor]).Indent
            : TextLines.Indent(lines[syntax.Sections[0].Span.Line]);
        var ending = TextLines.Ending(lines[anchor]);
        // After a last line without an ending, each added line starts with one instead.
        var added = missing.Select(m => ending.Length == 0 ? newline + indent + m : indent + m + newline).ToList();
        // A blank line sets new expect lines apart from the code, as scenarios are written.
        if (syntax.Expects.Count == 0 && !string.IsNullOrWhiteSpace(lines[anchor]))
            added.Insert(0, newline);
        return new DocumentEdit(anchor + 1, 0, added);
    }

    /// <summary>Each line ends as the replaced line did; a last line without an ending stays without one.</summary>
    private static List<string> WithEndings(List<string> written, string ending, string newline) =>
        written.Select((w, i) => w + (i < written.Count - 1 && ending.Length == 0 ? newline : ending)).ToList();
}
