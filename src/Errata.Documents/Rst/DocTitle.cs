using Errata.Documents.Syntax;

namespace Errata.Documents.Rst;

/// <summary>
/// docutils' DocTitle transform (docutils/transforms/frontmatter.py): a top section that stands
/// alone in the document (only comments, targets and substitution definitions before it,
/// nothing after it) is the document's title; a section that stands alone the same way inside
/// it is the subtitle, and the sections under the subtitle become second-level sections. The
/// model keeps both as sections so their anchors stay; the subtitle is marked, not a heading.
/// </summary>
internal static class DocTitle
{
    /// <summary>The section the document's own sections now hang from (the title, or the subtitle), or null when there is no document title.</summary>
    public static Section? Apply(Document document)
    {
        if (Lone(document.Children) is not { } title) return null;
        document.Title = Slug.PlainText(title.Title);
        if (Lone(title.Children) is not { } subtitle) return title;
        subtitle.IsSubtitle = true;
        document.Subtitle = Slug.PlainText(subtitle.Title);
        foreach (var nested in NodeWalker.Descendants(subtitle).OfType<Section>().Skip(1)) nested.Level--;
        return subtitle;
    }

    private static Section? Lone(List<Block> blocks)
    {
        var body = blocks.Where(b => b is not (Comment or Target or SubstitutionDefinition)).ToList();
        return body is [Section only] ? only : null;
    }
}
