namespace Errata.Documents.Tests.Rst;

/// <summary>
/// The shared RST corpus: <c>../shared/corpus</c> beside the folder holding Errata.sln.
/// Missing corpus fails the test with directions; it is never skipped.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    /// <summary>Corpus files relative to the corpus root, forward slashes, sorted.</summary>
    public static IReadOnlyList<string> Files() =>
    [
        .. new[] { "linux", "other" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.rst", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Errata.sln"))) continue;
            var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            if (Directory.Exists(Path.Combine(corpus, "ref", "parse-only"))) return corpus;
            throw new InvalidOperationException($"RST corpus not found at {corpus}: put a copy of shared/ (with corpus/ref) beside the repository clone.");
        }
        throw new InvalidOperationException($"Errata.sln not found above {AppContext.BaseDirectory}; cannot locate ../shared/corpus.");
    }
}
