using Errata.Documents.Rendering.Html;

namespace Errata.Documents.Rst;

/// <summary>Adds the reStructuredText reader and the HTML renderers for the nodes only RST produces.</summary>
public sealed class RstExtension : IDocumentExtension
{
    public void Setup(DocumentPipelineBuilder builder)
    {
        if (!builder.Readers.Exists(r => r is RstReader)) builder.Readers.Add(new RstReader());
    }

    public void Setup(HtmlRenderer renderer) => RstRenderers.Register(renderer);
}

public static class RstPipelineExtensions
{
    /// <summary>Reads <c>.rst</c> files: <c>new DocumentPipelineBuilder().UseRst().Build()</c>.</summary>
    public static DocumentPipelineBuilder UseRst(this DocumentPipelineBuilder builder) => builder.Use(new RstExtension());
}
