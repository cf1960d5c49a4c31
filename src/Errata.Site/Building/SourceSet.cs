using Errata.Documents;

namespace Errata.Site.Building;

/// <summary>The source files a pipeline can read, in a stable order: index pages first, then by path.</summary>
public static class SourceSet
{
    public static IReadOnlyList<string> Find(string sourceRoot, DocumentPipeline pipeline) =>
        Directory.EnumerateFiles(sourceRoot, "*", SearchOption.AllDirectories)
            .Where(pipeline.CanRead)
            .Select(f => Path.GetRelativePath(sourceRoot, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.') || part.StartsWith('_')))
            .OrderBy(f => f.Count(c => c == '/'))
            .ThenBy(f => Path.GetFileNameWithoutExtension(f) == "index" ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
}
