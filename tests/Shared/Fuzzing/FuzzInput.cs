namespace Errata.Testing.Fuzzing;

/// <summary>
/// One fuzz input: a whole site's configuration and documents (the theme is always the
/// repository's), whether the build is strict, and whether it renders the site to disk.
/// <see cref="Origin"/> says how it was made, for the report.
/// </summary>
internal sealed record FuzzInput(int Index, string Origin, IReadOnlyList<SiteFile> Files, bool Strict, bool Render)
{
    public const string ConfigName = "site.config.json";

    public int Size => Files.Sum(f => f.Bytes.Length);

    public FuzzInput WithFiles(IReadOnlyList<SiteFile> files) => this with { Files = files };

    /// <summary>The input as text a person can paste back into files: each file under a header line.</summary>
    public string Describe()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"input #{Index} ({Origin}){(Strict ? ", --strict" : "")}{(Render ? ", rendered" : ", check only")}\n");
        foreach (var f in Files)
        {
            sb.Append($"===== {f.Path} ({f.Bytes.Length} bytes) =====\n");
            sb.Append(Escape(f.Decoded)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Control characters other than newline and tab are shown as \uXXXX, and CR as \r, so a report stays readable.</summary>
    private static string Escape(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\r') sb.Append("\\r");
            else if (c is '\n' or '\t' || !char.IsControl(c)) sb.Append(c);
            else sb.Append($"\\u{(int)c:x4}");
        }
        return sb.ToString();
    }
}
