using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>Definition lists: a one-line term (with optional <c> : classifier</c>s) and an indented definition.</summary>
internal static partial class DefinitionListParser
{
    public static void Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var list = new DefinitionList { Span = c.Current.Span };
        sink.Add(list);
        bool blankFinish;
        do
        {
            blankFinish = Item(context, c, list);
            c.SkipBlank();
        }
        while (!c.AtEnd && StartsItem(c));
        if (!blankFinish) BodyParser.UnindentWarning(context, c, "Definition list");
    }

    /// <summary>A text line (by the Body patterns) followed directly by an indented line.</summary>
    private static bool StartsItem(LineCursor c) =>
        BodyPatterns.Classify(c.Current) == LineKind.Text && c.HasNext && c.Next.IsIndented;

    private static bool Item(RstContext context, LineCursor c, DefinitionList list)
    {
        var termLine = c.Current;
        c.Index++;
        var definition = c.ReadIndented();
        var item = new DefinitionItem { Span = termLine.Span };
        list.Items.Add(item);
        Term(context, termLine, item);
        item.Children.AddRange(context.Body.ParseNested(definition.Lines));
        return definition.BlankFinish;
    }

    /// <summary>Splits " : " classifiers off the term, as docutils' classifier_delimiter does (an escaped colon does not split).</summary>
    private static void Term(RstContext context, RstLine line, DefinitionItem item)
    {
        var parts = ClassifierDelimiter().Split(line.Text);
        var offset = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var start = line.Text.IndexOf(parts[i], offset, StringComparison.Ordinal);
            var part = line with { Text = parts[i], Column = line.Column + Math.Max(0, start) };
            offset = Math.Max(offset, start + parts[i].Length);
            if (i == 0) context.DeferInlines(item.Term, [part]);
            else
            {
                var classifier = new List<Inline>();
                item.Classifiers.Add(classifier);
                context.DeferInlines(classifier, [part]);
            }
        }
    }

    [GeneratedRegex(" +: +")]
    private static partial Regex ClassifierDelimiter();
}
