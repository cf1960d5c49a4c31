namespace Errata.Site.Rendering;

/// <summary>
/// The files a site renders with: the default theme built into Errata, with the site's own
/// templates folder, when it has one, replacing any of them by its path (layout.html,
/// partials/scenario.html, assets/site.css ...) and adding new ones.
/// </summary>
public sealed class ThemeFiles
{
    private const string ResourcePrefix = "theme/";

    /// <summary>A theme file: its path in the theme, how diagnostics name it, and its bytes.</summary>
    public sealed record Entry(string Name, string Display, Func<byte[]> Read)
    {
        /// <summary>The file as text, the way File.ReadAllText reads it (a byte-order mark decides the encoding).</summary>
        public string ReadText()
        {
            using var reader = new StreamReader(new MemoryStream(Read()), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }

    private readonly SortedDictionary<string, Entry> _files;

    private ThemeFiles(SortedDictionary<string, Entry> files) => _files = files;

    public IEnumerable<Entry> Files => _files.Values;

    /// <summary>The default theme, as the tool carries it (the repository's templates/ folder, embedded at build).</summary>
    public static ThemeFiles Default()
    {
        var assembly = typeof(ThemeFiles).Assembly;
        var files = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..].Replace('\\', '/');
            files[name] = new Entry(name, "(default theme)/" + name, () => ReadResource(resource));
        }
        return new ThemeFiles(files);
    }

    /// <summary>Only the files of <paramref name="folder"/>: a theme of its own, nothing built in.</summary>
    public static ThemeFiles FromFolder(string folder, string displayFolder) =>
        new ThemeFiles(new SortedDictionary<string, Entry>(StringComparer.Ordinal)).Overlay(folder, displayFolder);

    /// <summary>This theme with every file of <paramref name="folder"/> replacing or adding the file of the same path.</summary>
    public ThemeFiles Overlay(string folder, string displayFolder)
    {
        var files = new SortedDictionary<string, Entry>(_files, StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
            files[name] = new Entry(name, displayFolder.TrimEnd('/') + "/" + name, () => File.ReadAllBytes(file));
        }
        return new ThemeFiles(files);
    }

    /// <summary>A resource built into the tool, whole: the theme's files, and the script `serve` adds to pages.</summary>
    internal static byte[] ReadResource(string name)
    {
        using var stream = typeof(ThemeFiles).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
