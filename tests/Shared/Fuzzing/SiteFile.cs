namespace Errata.Testing.Fuzzing;

/// <summary>One file of a generated site, by its path relative to the site's root (forward slashes).</summary>
internal sealed record SiteFile(string Path, byte[] Bytes)
{
    public static SiteFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public string Decoded => System.Text.Encoding.UTF8.GetString(Bytes);
}
