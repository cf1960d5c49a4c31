using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Running;
using Errata.Site.Building;
using Errata.Site.Config;

namespace Errata.Site.Accepting;

/// <summary>The document rewritten, or why it could not be.</summary>
public sealed record AcceptResult(IReadOnlyList<Diagnostic> Diagnostics, string? NewText, IReadOnlyList<string> Accepted, ExitCode ExitCode);

/// <summary>
/// `errata accept`: replaces the expect lines of the named scenarios with the observed
/// outcome, for new scenarios and deliberate changes. Only those lines change; every
/// other byte of the file, line endings included, stays as it was.
/// </summary>
public static class Acceptor
{
    public static AcceptResult Accept(string file, SiteConfig config, string? scenario)
    {
        var run = DocumentRun.Run(file, config, scenario, profile: null, trace: false);
        if (run.ExitCode == ExitCode.BadInput || run.Scenarios.Count == 0)
            return new(run.Diagnostics.Where(d => d.Descriptor.Category != DiagnosticDescriptor.Claim).ToList(), null, [], ExitCode.BadInput);

        var text = File.ReadAllText(file);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = SplitKeepingEnds(text);
        // Rewrite from the bottom so earlier line numbers stay valid.
        foreach (var result in run.Scenarios.OrderByDescending(r => r.Scenario.Syntax.Span.Line))
            Rewrite(lines, result, newline);
        return new([], string.Concat(lines), run.Scenarios.Select(r => r.Scenario.Syntax.Name).ToList(), ExitCode.Ok);
    }

    private static void Rewrite(List<string> lines, ScenarioResult result, string newline)
    {
        var syntax = result.Scenario.Syntax;
        var expectLines = syntax.Expects.Select(e => e.Span.Line).Distinct().OrderDescending().ToList();
        var indent = IndentOf(lines, syntax);
        var insertAt = expectLines.Count > 0 ? expectLines.Min() : syntax.LastLine + 1;
        foreach (var line in expectLines) lines.RemoveAt(line);
        var fresh = ObservedClaims.For(result).Select(l => indent + l + newline).ToList();
        if (expectLines.Count == 0 && insertAt > 0 && !lines[insertAt - 1].EndsWith('\n'))
            lines[insertAt - 1] += newline;
        lines.InsertRange(insertAt, fresh);
    }

    /// <summary>The indentation of the scenario's section headers: none in Markdown, the directive's content indent in RST.</summary>
    private static string IndentOf(List<string> lines, Scenarios.Syntax.Scenario syntax)
    {
        var line = lines[syntax.Sections[0].Span.Line];
        return line[..(line.Length - line.TrimStart().Length)];
    }

    private static List<string> SplitKeepingEnds(string text)
    {
        var result = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            result.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) result.Add(text[start..]);
        return result;
    }
}
