using Errata.Documents.Syntax;

namespace Errata.Site.Building;

/// <summary>A document and where it lives in the site: its path relative to the source folder, which decides its URL.</summary>
public sealed record Page(Document Document, string RelativePath)
{
    public string OutputPath => Path.ChangeExtension(RelativePath, ".html");
    public string Title => Document.Title ?? Path.GetFileNameWithoutExtension(RelativePath);
}
