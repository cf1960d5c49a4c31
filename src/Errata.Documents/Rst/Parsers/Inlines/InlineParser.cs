using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>
/// Inline markup, recognised as docutils' Inliner does: one scan for start-strings, each
/// construct searching its own end-string in the rest of the text, no nesting, and
/// standalone URIs found in the plain text between constructs.
/// </summary>
internal sealed class InlineParser(RstContext context)
{
    /// <summary>Parses the lines' text into <paramref name="into"/>.</summary>
    /// <param name="length">How much of the joined text to read (a paragraph's trailing <c>::</c> is not text), or -1 for all.</param>
    public void Parse(IReadOnlyList<RstLine> lines, int length, List<Inline> into)
    {
        var joined = Join(lines);
        if (length >= 0 && length < joined.Length) joined = joined[..length];
        new InlineRun(context, lines, Escapes.ToNull(joined), into).Parse();
    }

    public static string Join(IReadOnlyList<RstLine> lines)
    {
        if (lines.Count == 1) return lines[0].Text;
        if (lines.Count == 0) return "";
        var length = lines.Count - 1;
        for (var i = 0; i < lines.Count; i++) length += lines[i].Text.Length;
        return string.Create(length, lines, static (span, lines) =>
        {
            var at = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0) span[at++] = '\n';
                lines[i].Text.AsSpan().CopyTo(span[at..]);
                at += lines[i].Text.Length;
            }
        });
    }
}
