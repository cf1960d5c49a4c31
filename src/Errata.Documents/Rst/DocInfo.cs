using Errata.Documents.Syntax;

namespace Errata.Documents.Rst;

/// <summary>
/// docutils' DocInfo transform, as far as the model needs it: a field list that comes first
/// in the document (after comments and targets, or first in its only top-level section,
/// which docutils makes the document title) is the document's bibliographic data.
/// </summary>
internal static class DocInfo
{
    public static void Mark(Document document)
    {
        var body = document.Children.Where(IsBody).ToList();
        if (body.Count > 0 && body[0] is FieldList top)
        {
            top.IsDocInfo = true;
            return;
        }
        if (body.Count == 1 && body[0] is Section only && only.Children.FirstOrDefault(IsBody) is FieldList first)
            first.IsDocInfo = true;
    }

    private static bool IsBody(Block b) => b is not (Comment or Target or SubstitutionDefinition);
}
