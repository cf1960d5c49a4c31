namespace Errata.Site.Building;

/// <summary>One document of the source folder: the path its page is named by (relative to the folder) and the real file to read.</summary>
public sealed record SourceFile(string Relative, string Real);
