using Errata.Documents.Syntax;

namespace Errata.Documents.Rst;

/// <summary>Fills each <c>contents</c> directive with nested lists linking to the sections it covers, as docutils' Contents transform does.</summary>
internal static class ContentsBuilder
{
    public static void Fill(Document document)
    {
        foreach (var (contents, scope) in Find(document.Children, document.Children))
        {
            var depth = contents.Depth > 0 ? contents.Depth : int.MaxValue;
            if (List(contents.Local ? scope : document.Children, depth) is { } list) contents.Children.Add(list);
        }
    }

    private static IEnumerable<(Contents, List<Block>)> Find(List<Block> blocks, List<Block> scope)
    {
        foreach (var block in blocks)
        {
            if (block is Contents c) yield return (c, scope);
            else if (block is Section s)
                foreach (var found in Find(s.Children, s.Children)) yield return found;
        }
    }

    private static BulletList? List(List<Block> blocks, int depth)
    {
        if (depth <= 0) return null;
        var list = new BulletList();
        foreach (var section in blocks.OfType<Section>())
        {
            var item = new ListItem();
            var link = new Link { Url = "#" + section.Id };
            link.Children.AddRange(section.Title);
            var entry = new Paragraph();
            entry.Inlines.Add(link);
            item.Children.Add(entry);
            if (List(section.Children, depth - 1) is { } sub) item.Children.Add(sub);
            list.Items.Add(item);
        }
        return list.Items.Count > 0 ? list : null;
    }
}
