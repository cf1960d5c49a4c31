namespace Errata.Testing.Fuzzing;

/// <summary>The valid seeds mutations start from: the repository's own docs/ (every page verifies) and its site.config.json.</summary>
internal sealed class SeedDocuments
{
    public IReadOnlyList<SiteFile> Documents { get; }
    public byte[] Config { get; }

    private SeedDocuments(IReadOnlyList<SiteFile> documents, byte[] config)
    {
        Documents = documents;
        Config = config;
    }

    public static SeedDocuments Load(string repositoryRoot)
    {
        var docs = Path.Combine(repositoryRoot, "docs");
        var files = Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".rst", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new SiteFile(Path.GetRelativePath(docs, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();
        if (files.Count == 0) throw new InvalidOperationException($"no seed documents under {docs}");
        return new SeedDocuments(files, File.ReadAllBytes(Path.Combine(repositoryRoot, FuzzInput.ConfigName)));
    }
}
