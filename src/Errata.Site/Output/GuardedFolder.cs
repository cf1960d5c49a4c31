using Errata.Site.Config;

namespace Errata.Site.Output;

/// <summary>
/// A folder whose files a build must never replace: the output may not be it or hold it,
/// and, when <paramref name="InsideToo"/>, may not lie inside it either (a site written
/// into the sources would be read back as sources).
/// </summary>
/// <param name="Folder">Its path; links are resolved when compared.</param>
/// <param name="Role">How messages name it, e.g. <c>the source folder 'docs'</c>.</param>
public sealed record GuardedFolder(string Folder, string Role, bool InsideToo)
{
    /// <summary>A site's guarded folders: its sources, templates, configuration's folder, and the working folder.</summary>
    public static GuardedFolder[] OfSite(SiteConfig config, string configPath)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        return
        [
            new(Path.GetFullPath(Path.Combine(root, config.Source)), $"the source folder '{config.Source}'", InsideToo: true),
            new(Path.GetFullPath(Path.Combine(root, config.Templates)), $"the templates folder '{config.Templates}'", InsideToo: true),
            new(root, $"the folder of {Path.GetFileName(configPath)}", InsideToo: false),
            new(Environment.CurrentDirectory, "the working folder", InsideToo: false),
        ];
    }
}
