using Errata.Documents.Rendering.Html;
using Errata.Documents.Syntax;

namespace Errata.Documents;

/// <summary>The frozen pipeline: which reader takes which file, and how renderers are set up.</summary>
public sealed class DocumentPipeline
{
    private readonly IReadOnlyList<IDocumentReader> _readers;
    private readonly IReadOnlyList<IDocumentExtension> _extensions;

    internal DocumentPipeline(IReadOnlyList<IDocumentReader> readers, IReadOnlyList<IDocumentExtension> extensions)
    {
        _readers = readers;
        _extensions = extensions;
    }

    public bool CanRead(string path) => ReaderFor(path) is not null;

    public IEnumerable<string> Extensions => _readers.SelectMany(r => r.Extensions);

    public Document Read(string path, string text, ReadContext context) =>
        (ReaderFor(path) ?? throw new InvalidOperationException($"no reader for {path}")).Read(path, text, context);

    public HtmlRenderer CreateRenderer()
    {
        var renderer = new HtmlRenderer();
        foreach (var e in _extensions) e.Setup(renderer);
        return renderer;
    }

    private IDocumentReader? ReaderFor(string path)
    {
        var ext = System.IO.Path.GetExtension(path);
        // Later readers win, so an extension can replace a built-in reader.
        for (var i = _readers.Count - 1; i >= 0; i--)
            if (_readers[i].Extensions.Contains(ext, StringComparer.OrdinalIgnoreCase))
                return _readers[i];
        return null;
    }
}
