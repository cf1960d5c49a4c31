using Errata.Testing;

namespace Errata.Site.Tests.Building;

/// <summary>A scratch site: a config, a docs folder and the repository's own templates, in a temporary folder.</summary>
public sealed class SiteFixture : IDisposable
{
    public SiteFixture()
    {
        Root = Directory.CreateTempSubdirectory("errata-site-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "docs"));
        CopyTree(Path.Combine(RepositoryRoot.Path, "templates"), Path.Combine(Root, "templates"));
        Config("{}");
    }

    public string Root { get; }
    public string ConfigPath => Path.Combine(Root, "site.config.json");
    public string Output => Path.Combine(Root, "_site");

    public void Config(string json) => File.WriteAllText(ConfigPath, json);

    /// <summary>Writes a document; see <see cref="SafeSave"/> for why through a rename.</summary>
    public void Doc(string relative, string text)
    {
        var path = Path.Combine(Root, "docs", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        SafeSave.Write(path, text);
    }

    public string Page(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
