using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst;

/// <summary>
/// docutils' DocInfo transform, as far as the model needs it: a field list that comes first
/// in the document (after comments and targets, or first in its only top-level section,
/// which docutils makes the document title) is the document's bibliographic data. Its
/// single-value fields (author, version, copyright...) must hold one paragraph.
/// </summary>
internal static class DocInfo
{
    private static readonly HashSet<string> SingleValueFields =
        ["author", "organization", "address", "contact", "version", "revision", "status", "date", "copyright"];

    public static void Mark(Document document)
    {
        var body = document.Children.Where(IsBody).ToList();
        var docInfo = body.Count > 0 && body[0] is FieldList top ? top
            : body.Count == 1 && body[0] is Section only && only.Children.FirstOrDefault(IsBody) is FieldList first ? first
            : null;
        if (docInfo is null) return;
        docInfo.IsDocInfo = true;
        foreach (var field in docInfo.Fields)
        {
            var name = Slug.PlainText(field.Name);
            if (!SingleValueFields.Contains(name.ToLowerInvariant())) continue;
            if (field.Children.Count == 0)
                document.Diagnostics.Add(RstMarkupErrors.EmptyBibliographicField.At(field.Span, name));
            else if (field.Children is not [Paragraph])
                document.Diagnostics.Add(RstMarkupErrors.CompoundBibliographicField.At(field.Span, name));
        }
    }

    private static bool IsBody(Block b) => b is not (Comment or Target or SubstitutionDefinition);
}
