using System.Text;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Verification;

namespace Errata.Site.Accepting;

/// <summary>Which scenarios to accept, and whether to add observed lines no claim speaks about.</summary>
/// <param name="SourceRoot">The site's source folder, which runs name the document relative to when it lies inside.</param>
public sealed record AcceptOptions(string? Scenario = null, bool AddMissing = false, string? SourceRoot = null);

/// <summary>
/// The document rewritten (or the same text when nothing changes), its unified diff, and
/// what the author should know (claims removed); or, on bad input, why it could not be.
/// </summary>
public sealed record AcceptResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    string? NewText,
    string Diff,
    Encoding Encoding,
    IReadOnlyList<string> Accepted,
    VerificationOutcome Observed)
{
    /// <summary>Accept's own exit code: bad input stops it; failed claims are what it rewrites, so they do not.</summary>
    public ExitCode ExitCode => Observed.ExitCode == ExitCode.BadInput || NewText is null ? ExitCode.BadInput : ExitCode.Ok;

    public bool Changed => Diff.Length > 0;
}

/// <summary>
/// `errata accept`: brings the expect lines of a document's scenarios in line with what
/// the runs observed, losing nothing the author wrote that still holds. Only expect lines
/// change; every other byte of the file, line endings and byte order mark included, stays.
/// </summary>
public static class Acceptor
{
    public static AcceptResult Accept(string file, SiteConfig config, AcceptOptions options)
    {
        var run = DocumentRun.Run(file, config, options.Scenario, RunSelection.All, options.SourceRoot);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        // Failed claims are what accept rewrites: only bad input, or nothing to accept, stops it.
        if (run.ExitCode == ExitCode.BadInput)
            return new(run.Diagnostics.Where(d => d.Descriptor.Category != DiagnosticCategory.Claim).ToList(), null, "", encoding, [], run);
        if (run.Scenarios.Count == 0)
        {
            var display = SiteBuilder.Display(Path.GetFullPath(file));
            return new([.. run.Diagnostics, SiteErrors.NothingToAccept.At(SourceSpan.None(display), display)], null, "", encoding, [], run);
        }

        var bytes = File.ReadAllBytes(file);
        var text = File.ReadAllText(file);
        var lines = TextLines.Split(text);
        var newline = TextLines.DominantEnding(text);
        var notes = new DiagnosticBag();
        var edits = run.Scenarios.SelectMany(r => ScenarioRewriter.Edits(r, lines, newline, options.AddMissing, notes)).ToList();
        // From the bottom, so the line numbers of earlier edits stay valid.
        foreach (var edit in edits.OrderByDescending(e => e.Line))
        {
            lines.RemoveRange(edit.Line, edit.Remove);
            lines.InsertRange(edit.Line, edit.Insert);
        }
        var newText = string.Concat(lines);
        var shown = SiteBuilder.Display(Path.GetFullPath(file));
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        return new(notes.Items, newText, UnifiedDiff.Of(shown, text, newText), new UTF8Encoding(bom),
            run.Scenarios.Select(r => r.Scenario.Syntax.Name).ToList(), run);
    }

    /// <summary>Writes the new text beside the file and moves it into place, so an interrupted write leaves the old document whole.</summary>
    public static void Write(string file, AcceptResult result)
    {
        if (result.NewText is not { } text || !result.Changed) return;
        var temporary = file + ".accept-tmp";
        File.WriteAllText(temporary, text, result.Encoding);
        File.Move(temporary, file, overwrite: true);
    }
}
