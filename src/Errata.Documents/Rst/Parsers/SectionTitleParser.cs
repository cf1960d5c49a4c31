using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Section titles: underline only or over- and underline, any 7-bit punctuation. Levels
/// come from the order in which styles first appear; a style may only open one level
/// deeper than the current section, as docutils' check_subsection requires.
/// </summary>
internal static class SectionTitleParser
{
    /// <summary>A title line followed by an underline; false when the underline is too short to count (the lines are a paragraph).</summary>
    public static bool TryUnderlined(RstContext context, LineCursor c, BlockSink sink)
    {
        var title = c.Current;
        var underline = c.Next;
        var source = new[] { title, underline };
        if (ColumnWidth(title.Text) > underline.Text.Length)
        {
            if (underline.Text.Length < 4) return false;
            context.Report(RstMarkupErrors.TitleUnderlineTooShort, underline.Span);
        }
        c.Index += 2;
        if (!sink.AllowTitles)
        {
            Severe(context, sink, RstMarkupErrors.UnexpectedSectionTitle, source, underline);
            return true;
        }
        Open(context, sink, title, underline.Text[..1], source);
        return true;
    }

    /// <summary>An over- and underlined title; the overline is the current line and the title follows it.</summary>
    public static bool TryOverlined(RstContext context, LineCursor c, BlockSink sink)
    {
        var overline = c.Current;
        var shortOverline = overline.Text.TrimEnd().Length < 4;
        var title = c.Next;
        if (c.Index + 2 >= c.Lines.Count)
        {
            if (shortOverline) return false;
            c.Index += 2;
            Severe(context, sink, RstMarkupErrors.IncompleteSectionTitle, [overline, title], overline);
            return true;
        }
        var underline = c.Lines[c.Index + 2];
        RstLine[] source = [overline, title, underline];
        DiagnosticDescriptor? problem = null;
        if (!BodyPatterns.Line().IsMatch(underline.Text)) problem = RstMarkupErrors.MissingUnderline;
        else if (overline.Text.TrimEnd() != underline.Text.TrimEnd()) problem = RstMarkupErrors.OverlineUnderlineMismatch;
        if (problem is not null)
        {
            if (shortOverline) return false;
            c.Index += 3;
            Severe(context, sink, problem, source, overline);
            return true;
        }
        var text = title.Text.TrimEnd();
        if (ColumnWidth(text) > overline.Text.Length)
        {
            if (shortOverline) return false;
            context.Report(RstMarkupErrors.TitleOverlineTooShort, overline.Span);
        }
        c.Index += 3;
        var indent = title.Indent;
        Open(context, sink, title.Dedent(indent), overline.Text[..1] + underline.Text[..1], source);
        return true;
    }

    private static void Open(RstContext context, BlockSink sink, RstLine title, string style, RstLine[] source)
    {
        var known = context.TitleStyles.IndexOf(style);
        int level;
        if (known < 0)
        {
            if (context.TitleStyles.Count != sink.Level)
            {
                Severe(context, sink, RstMarkupErrors.TitleLevelInconsistent, source, source[0]);
                return;
            }
            context.TitleStyles.Add(style);
            level = context.TitleStyles.Count;
        }
        else
        {
            level = known + 1;
            if (level > sink.Level + 1)
            {
                Severe(context, sink, RstMarkupErrors.TitleLevelInconsistent, source, source[0]);
                return;
            }
        }
        var section = new Section { Level = level, Span = title.Span };
        sink.Open(section);
        context.DeferInlines(section.Title, [title.TrimEnd()], then: () =>
        {
            var text = Slug.PlainText(section.Title);
            section.Id = context.Slugs.Unique(text);
            context.Links.DefineImplicit(text, "#" + section.Id);
            context.Document.Title ??= level == 1 ? Slug.PlainText(section.Title) : null;
        });
    }

    /// <summary>docutils' SEVERE messages: reported as errors, the lines kept as a literal block so nothing vanishes.</summary>
    public static void Severe(RstContext context, BlockSink sink, DiagnosticDescriptor problem, IReadOnlyList<RstLine> source, RstLine at)
    {
        context.Report(problem, at.Span);
        sink.Add(LiteralBlockParser.Literal(source));
    }

    /// <summary>Display width: East Asian wide characters take two columns, combining marks none.</summary>
    public static int ColumnWidth(string text)
    {
        var width = 0;
        foreach (var ch in text)
        {
            var category = char.GetUnicodeCategory(ch);
            if (category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark) continue;
            width += IsWide(ch) ? 2 : 1;
        }
        return width;
    }

    public static bool IsWide(char ch) =>
        ch is (>= '\u1100' and <= '\u115f') or (>= '\u2e80' and <= '\ua4cf') or (>= '\uac00' and <= '\ud7a3')
            or (>= '\uf900' and <= '\ufaff') or (>= '\ufe30' and <= '\ufe4f') or (>= '\uff00' and <= '\uff60') or (>= '\uffe0' and <= '\uffe6');
}
