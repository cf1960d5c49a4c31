using Errata.Testing;
using Errata.Diagnostics;
using Errata.Documents.Rst;
using System.Text.RegularExpressions;

namespace Errata.Documents.Tests.Rst;

/// <summary>
/// Over the corpus, Errata reports the same problems as docutils (ref/docutils-warnings.txt:
/// everything at WARNING or above, after transforms): same file, line, severity and message.
/// Errata's message is docutils' sentence followed by what was expected; the comparison takes
/// docutils' part.
/// </summary>
public sealed partial class DocutilsDiagnosticsTests
{
    [Fact]
    public void Corpus_Diagnostics_MatchDocutilsWarnings()
    {
        var expected = File.ReadAllLines(Path.Combine(Corpus.Root, "ref", "docutils-warnings.txt"))
            .Select(l => Reported().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups["file"].Value}:{m.Groups["line"].Value}: {(m.Groups["level"].Value == "WARNING" ? "warning" : "error")}: {m.Groups["message"].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var actual = Corpus.Files()
            .SelectMany(f => new RstReader().Read(f, Corpus.Read(f), new ReadContext(Corpus.Root, AllowRaw: true)).Diagnostics)
            .Select(d => $"{d.Span.Path}:{d.Span.Line + 1}: {DiagnosticFormatter.SeverityWord(d.Severity)}: {DocutilsSentence(d.Message)}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>The first line of a message without the sentence Errata adds, " Expected ...".</summary>
    public static string DocutilsSentence(string message)
    {
        var first = message.Split('\n')[0];
        var expected = first.IndexOf(" Expected ", StringComparison.Ordinal);
        return expected < 0 ? first : first[..expected];
    }

    [GeneratedRegex(@"^(?<file>\S+\.rst):(?<line>\d+): \((?<level>WARNING|ERROR|SEVERE)/\d\) (?<message>.*)$")]
    private static partial Regex Reported();
}
