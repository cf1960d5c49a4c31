using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// A line of repeated punctuation at the start of a block: a transition, or the overline
/// of a section title. Short lines (under 4 characters) that fit neither are text.
/// </summary>
internal static class LineParser
{
    public static bool TryParse(RstContext context, LineCursor c, BlockSink sink)
    {
        var line = c.Current;
        var marker = line.Text.Trim();
        if (!sink.AllowTitles)
        {
            if (marker == "::" || marker.Length < 4) return false;
            c.Index++;
            SectionTitleParser.Severe(context, sink, RstMarkupErrors.UnexpectedTitleOrTransition, [line], line);
            return true;
        }
        if (!c.HasNext || c.Next.IsBlank)
        {
            if (marker.Length < 4) return false;
            sink.Add(new Transition { Span = line.Span });
            c.Index++;
            return true;
        }
        if (!c.Next.IsIndented && BodyPatterns.Line().IsMatch(c.Next.Text))
        {
            if (line.Text.Length < 4) return false;
            var next = c.Next;
            c.Index += 2;
            SectionTitleParser.Severe(context, sink, RstMarkupErrors.InvalidTitleOrTransition, [line, next], line);
            return true;
        }
        return SectionTitleParser.TryOverlined(context, c, sink);
    }
}
