using Errata.Documents.Syntax;

namespace Errata.Documents;

/// <summary>Reads one source format into the document model.</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader takes, with the dot (".md").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <param name="path">The path diagnostics name, relative to the site's source folder.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="context">Where the file lives, for readers that include other files.</param>
    Document Read(string path, string text, ReadContext context);
}

/// <summary>What a reader may know beyond the text: the source root (includes stay inside it) and reader options.</summary>
public sealed record ReadContext(string SourceRoot, bool AllowRaw = false)
{
    /// <summary>
    /// Where the document really is, which relative includes start from (as docutils reads them);
    /// when null, the path the reader is given is taken as relative to <see cref="SourceRoot"/>.
    /// </summary>
    public string? DocumentFile { get; init; }

    /// <summary>The folder relative includes of the document at <paramref name="path"/> start from.</summary>
    public string FolderOf(string path) =>
        Path.GetDirectoryName(DocumentFile ?? Path.Combine(SourceRoot, path)) ?? SourceRoot;
}
