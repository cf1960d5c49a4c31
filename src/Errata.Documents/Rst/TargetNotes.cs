using Errata.Documents.Syntax;
using System.Globalization;

namespace Errata.Documents.Rst;

/// <summary>
/// The <c>target-notes</c> directive's effect, as docutils' TargetNotes transform gives it:
/// each link target outside the page that the document refers to by name becomes a footnote holding its
/// URL, where the directive stands, and every reference to it is followed by a reference to
/// that footnote, so a printed page keeps the addresses. Footnotes are numbered after the
/// document's own.
/// </summary>
public static class TargetNotes
{
    /// <summary>The label of a generated note and its references (docutils names them "TARGET_NOTE: id"); no written label has a space-free colon form like it.</summary>
    public const string LabelPrefix = "target-note:";

    internal static void Fill(Document document)
    {
        var places = document.Descendants<DirectiveBlock>().Where(d => d.Name == "target-notes").ToList();
        if (places.Count == 0) return;
        var next = document.Descendants<Footnote>().Select(f => int.TryParse(f.Mark, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (list, index, link) in NamedExternalLinks(document).ToList())
        {
            if (!notes.TryGetValue(link.Url, out var mark))
            {
                mark = (next++).ToString(CultureInfo.InvariantCulture);
                notes[link.Url] = mark;
            }
            list.Insert(index + 1, new FootnoteReference { Label = LabelPrefix + mark, Mark = mark, Span = link.Span });
        }
        foreach (var place in places)
            foreach (var (url, mark) in notes)
            {
                var text = new Paragraph { Span = place.Span };
                var link = new Link { Url = url, Span = place.Span };
                link.Children.Add(new Text { Value = url, Span = place.Span });
                text.Inlines.Add(link);
                place.Children.Add(new Footnote { Label = LabelPrefix + mark, Mark = mark, Span = place.Span, Children = { text } });
            }
    }

    /// <summary>Links to a URI outside the page under a name of their own (a bare URL is not a target), last first so insertions keep earlier indexes valid.</summary>
    private static IEnumerable<(List<Inline> List, int Index, Link Link)> NamedExternalLinks(Document document)
    {
        foreach (var node in NodeWalker.Descendants(document))
        {
            var list = node switch { LeafBlock l => l.Inlines, ContainerInline c => c.Children, Section s => s.Title, _ => null };
            if (list is null) continue;
            for (var i = list.Count - 1; i >= 0; i--)
                if (list[i] is Link link && !link.Url.StartsWith('#') && Slug.PlainText(link.Children) != link.Url)
                    yield return (list, i, link);
        }
    }
}
