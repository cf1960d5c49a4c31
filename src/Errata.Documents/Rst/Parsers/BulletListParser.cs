using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>Bullet lists: items with the same bullet character (<c>- + * • ‣ ⁃</c>) form one list.</summary>
internal static class BulletListParser
{
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var bullet = c.Current.Text[0];
        var list = new BulletList { Span = c.Current.Span };
        sink.Add(list);
        bool blankFinish;
        do
        {
            var m = BodyPatterns.Bullet().Match(c.Current.Text);
            var item = ListItem(context, c, m.Length, out blankFinish);
            list.Items.Add(item);
        }
        while (!c.AtEnd && c.Current.Text[0] == bullet && BodyPatterns.Classify(c.Current) == LineKind.Bullet);
        if (!blankFinish) BodyParser.UnindentWarning(context, c, "Bullet list");
        return true;
    }

    /// <summary>
    /// docutils' list_item: with text after the marker, following lines must reach that text's
    /// column; with nothing after it, the first indented line sets the item's indentation.
    /// </summary>
    public static ListItem ListItem(RstContext context, LineCursor c, int markerEnd, out bool blankFinish)
    {
        var first = c.Current;
        var block = first.Text.Length > markerEnd ? c.ReadIndented(blockIndent: markerEnd) : c.ReadIndented(firstIndent: markerEnd);
        blankFinish = block.BlankFinish;
        var item = new ListItem { Span = first.Span };
        item.Children.AddRange(context.Body.ParseNested(block.Lines));
        return item;
    }
}
