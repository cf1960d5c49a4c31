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
            if (List(contents.Local ? scope : document.Children, depth, contents.Span) is { } list) contents.Children.Add(list);
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

    /// <remarks>The generated nodes take the directive's span: that is where they appear.</remarks>
    private static BulletList? List(List<Block> blocks, int depth, Errata.Diagnostics.SourceSpan at)
    {
        if (depth <= 0) return null;
        var list = new BulletList { Span = at };
        foreach (var section in blocks.OfType<Section>())
        {
            var item = new ListItem { Span = at };
            var link = new Link { Url = "#" + section.Id, Span = at };
            link.Children.AddRange(section.Title);
            var entry = new Paragraph { Span = at };
            entry.Inlines.Add(link);
            item.Children.Add(entry);
            if (List(section.Children, depth - 1, at) is { } sub) item.Children.Add(sub);
            list.Items.Add(item);
        }
        return list.Items.Count > 0 ? list : null;
    }
}
