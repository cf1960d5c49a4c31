using Errata.Documents;
using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Site.Verification;

/// <summary>The first step of verification: one source file read into a document, its encoding and reader problems reported.</summary>
public static class DocumentSource
{
    /// <param name="real">The file's real path, which is read and against which includes resolve.</param>
    /// <param name="display">The path diagnostics and the document name.</param>
    /// <returns>The document, or null when the file cannot be read (reported).</returns>
    public static Document? Read(DocumentPipeline pipeline, string real, string display, ReadContext context, DiagnosticBag bag)
    {
        var encoding = new List<Diagnostic>();
        string text;
        try
        {
            text = DocumentText.Read(real, display, encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Add(DocumentErrors.UnreadableFile, SourceSpan.None(display), display, e.Message);
            return null;
        }
        bag.AddRange(encoding);
        var doc = pipeline.Read(display, text, context with { DocumentFile = real });
        bag.AddRange(doc.Diagnostics);
        return doc;
    }
}
