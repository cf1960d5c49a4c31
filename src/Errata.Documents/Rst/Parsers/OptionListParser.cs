using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>Option lists: <c>-a FILE, --all=FILE  description</c>; the description needs two spaces or its own lines.</summary>
internal static class OptionListParser
{
    public static bool TryParse(RstContext context, LineCursor c, BlockSink sink)
    {
        OptionList? list = null;
        var blankFinish = true;
        while (!c.AtEnd && BodyPatterns.Classify(c.Current) == LineKind.OptionMarker)
        {
            var start = c.Index;
            var line = c.Current;
            var m = BodyPatterns.OptionMarker().Match(line.Text);
            var body = c.ReadIndented(firstIndent: m.Length);
            if (body.Lines.Count == 0)
            {
                c.Index = start;
                break;
            }
            blankFinish = body.BlankFinish;
            var item = new OptionListItem { Span = line.Span };
            item.Options.AddRange(m.Value.Trim().Split(", "));
            item.Children.AddRange(context.Body.ParseNested(body.Lines));
            if (list is null)
            {
                list = new OptionList { Span = line.Span };
                sink.Add(list);
            }
            list.Items.Add(item);
        }
        if (list is null) return false;
        if (!blankFinish) BodyParser.UnindentWarning(context, c, "Option list");
        return true;
    }
}
