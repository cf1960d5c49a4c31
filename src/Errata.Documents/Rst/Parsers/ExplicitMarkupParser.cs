using Errata.Documents.Rst.Parsers.Inlines;
using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Explicit markup (<c>.. </c>): footnotes, citations, hyperlink targets, substitution
/// definitions, directives, and otherwise comments; plus anonymous targets (<c>__ URL</c>).
/// </summary>
internal static partial class ExplicitMarkupParser
{
    private const string Name = BodyPatterns.SimpleName;

    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var text = c.Current.Text;
        bool blankFinish;
        if (FootnoteMarker().Match(text) is { Success: true } f)
            blankFinish = Footnote(context, c, sink, f, citation: false);
        else if (CitationMarker().Match(text) is { Success: true } ci)
            blankFinish = Footnote(context, c, sink, ci, citation: true);
        else if (TargetMarker().Match(text) is { Success: true } t)
            blankFinish = TargetParser.Parse(context, c, sink, t.Length);
        else if (SubstitutionMarker().Match(text) is { Success: true } s)
            blankFinish = SubstitutionDefinitionParser.Parse(context, c, sink, s.Length);
        else if (DirectiveMarker().Match(text) is { Success: true } d)
            blankFinish = DirectiveParser.Parse(context, c, sink, d.Groups[1].Value, d.Length);
        else
            blankFinish = Comment(c, sink);
        EndCheck(context, c, blankFinish);
        return true;
    }

    public static bool ParseAnonymous(RstContext context, LineCursor c, BlockSink sink)
    {
        var blankFinish = TargetParser.ParseAnonymous(context, c, sink, 2);
        EndCheck(context, c, blankFinish);
        return true;
    }

    /// <summary>Explicit markup may be followed directly by more explicit markup; anything else needs a blank line first.</summary>
    private static void EndCheck(RstContext context, LineCursor c, bool blankFinish)
    {
        if (blankFinish || c.AtEnd) return;
        if (BodyPatterns.Classify(c.Current) is LineKind.ExplicitMarkup or LineKind.Anonymous) return;
        BodyParser.UnindentWarning(context, c, "Explicit markup");
    }

    private static bool Footnote(RstContext context, LineCursor c, BlockSink sink, Match m, bool citation)
    {
        var line = c.Current;
        var block = c.ReadIndented(firstIndent: m.Length);
        var note = new Footnote { Label = m.Groups[1].Value, IsCitation = citation, Span = line.Span };
        context.Footnotes.Note(note);
        // Citations and labelled footnotes are also hyperlink targets by name.
        if (citation || note.Label.StartsWith('#') && note.Label.Length > 1)
            context.Links.DefineImplicit(note.Label.TrimStart('#'), "#" + Slug.Make(note.Label));
        note.Children.AddRange(context.Body.ParseNested(block.Lines));
        sink.Add(note);
        return block.BlankFinish;
    }

    private static bool Comment(LineCursor c, BlockSink sink)
    {
        var line = c.Current;
        var m = ExplicitStart().Match(line.Text);
        if (c.NextIsBlankOrEnd && line.Text.Length == m.Length)
        {
            // docutils: an empty comment followed by a blank line ends there, so an indented block after it is a block quote.
            c.Index++;
            sink.Add(new Comment { Text = "", Span = line.Span });
            return true;
        }
        var block = c.ReadIndented(firstIndent: m.Length);
        block.TrimEnd();
        sink.Add(new Comment { Text = InlineParser.Join(block.Lines), Span = line.Span });
        return block.BlankFinish;
    }

    [GeneratedRegex(@"^\.\.( +|$)")]
    private static partial Regex ExplicitStart();

    [GeneratedRegex(@"^\.\. +\[([0-9]+|\#|\#" + Name + @"|\*)\]( +|$)")]
    private static partial Regex FootnoteMarker();

    [GeneratedRegex(@"^\.\. +\[(" + Name + @")\]( +|$)")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"^\.\. +_(?! |$)")]
    private static partial Regex TargetMarker();

    [GeneratedRegex(@"^\.\. +\|(?! |$)")]
    private static partial Regex SubstitutionMarker();

    [GeneratedRegex(@"^\.\. +(" + Name + @") ?::( +|$)")]
    private static partial Regex DirectiveMarker();
}
