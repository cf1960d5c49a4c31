using Errata.Documents.Markdown;

namespace Errata.Documents;

/// <summary>Mutable set-up of readers and extensions; <see cref="Build"/> freezes it.</summary>
public sealed class DocumentPipelineBuilder
{
    public List<IDocumentReader> Readers { get; } = [new MarkdownReader()];
    public List<IDocumentExtension> Extensions { get; } = [];

    public DocumentPipelineBuilder Use(IDocumentExtension extension)
    {
        if (!Extensions.Exists(e => e.GetType() == extension.GetType()))
            Extensions.Add(extension);
        return this;
    }

    public DocumentPipeline Build()
    {
        foreach (var e in Extensions) e.Setup(this);
        return new DocumentPipeline([.. Readers], [.. Extensions]);
    }
}
