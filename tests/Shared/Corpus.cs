namespace Errata.Testing;

/// <summary>
/// The RST corpus with docutils' reference parses, kept in the repository at <c>tests/Corpus</c>.
/// Missing corpus fails the test with directions; it is never skipped.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    /// <summary>The 85 files: 70 from Linux's Documentation/ and 15 from docutils.</summary>
    public const int FileCount = 85;

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
        var corpus = Path.Combine(RepositoryRoot.Path, "tests", "Corpus");
        if (Directory.Exists(Path.Combine(corpus, "ref", "parse-only"))) return corpus;
        throw new DirectoryNotFoundException($"RST corpus not found at {corpus}: the repository's tests/Corpus (with ref/) is missing.");
    }
}
