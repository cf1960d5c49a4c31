using Errata.Documents.Rendering.Html;

namespace Errata.Documents;

/// <summary>
/// A feature that plugs into reading and rendering, as Markdig's extensions do: one
/// phase edits the pipeline's readers, the other a renderer.
/// </summary>
public interface IDocumentExtension
{
    void Setup(DocumentPipelineBuilder builder);
    void Setup(HtmlRenderer renderer);
}
