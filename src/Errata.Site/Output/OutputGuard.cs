using Errata.Documents;
using Errata.Diagnostics;
using Errata.Site.Config;

namespace Errata.Site.Output;

/// <summary>
/// Decides whether a build may replace its output folder, before anything is written or
/// deleted: a build swaps the whole folder, so the folder must not be (or hold) the user's
/// sources, templates, configuration or working folder, and an existing non-empty folder
/// must be one an earlier build wrote (it holds <see cref="OutputMarker"/>).
/// </summary>
public static class OutputGuard
{
    private const int NamesShown = 3;

    /// <summary>
    /// Where the output lies against the guarded folders, real paths compared so a link
    /// cannot hide one. The closest relation is reported: being a folder before holding it.
    /// </summary>
    public static bool CheckPlace(OutputTarget target, IEnumerable<GuardedFolder> guarded, DiagnosticBag bag)
    {
        var output = RealPath.Of(target.Folder);
        var clash = guarded
            .Select(g => (Folder: g, Relation: Relate(output, RealPath.Of(g.Folder), g.InsideToo)))
            .Where(c => c.Relation != Relation.Apart)
            .OrderBy(c => c.Relation)
            .FirstOrDefault();
        if (clash.Folder is null) return true;
        var text = clash.Relation switch
        {
            Relation.Same => "",
            Relation.Inside => "inside ",
            _ => "a folder holding ",
        } + clash.Folder.Role;
        // Said when only the links make it so: the paths as written do not show it.
        if (Relate(Path.GetFullPath(target.Folder), Path.GetFullPath(clash.Folder.Folder), clash.Folder.InsideToo) != clash.Relation)
            text += $" (through a link: it is '{output}')";
        bag.Add(SiteErrors.ProtectedFolder, target.Span, target.Setting, target.Written, text);
        return false;
    }

    /// <summary>Whether the folder is Errata's to replace: missing, empty, or marked by an earlier build.</summary>
    public static bool CheckOwnership(OutputTarget target, DiagnosticBag bag)
    {
        if (File.Exists(target.Folder))
        {
            bag.Add(SiteErrors.OutputIsAFile, target.Span, target.Setting, target.Written);
            return false;
        }
        if (!Directory.Exists(target.Folder) || OutputMarker.IsIn(target.Folder)) return true;
        var entries = Directory.EnumerateFileSystemEntries(target.Folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Select(e => Path.GetRelativePath(target.Folder, e).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0) return true;
        var named = string.Join(", ", entries.Take(NamesShown).Select(e => $"'{e}'")) + (entries.Count > NamesShown ? ", ..." : "");
        bag.Add(SiteErrors.NotErrataOutput, target.Span, target.Setting, target.Written, entries.Count, named);
        return false;
    }

    /// <summary>How the output lies against a guarded folder, closest first.</summary>
    private enum Relation
    {
        Same,
        Inside,
        Holding,
        Apart,
    }

    private static Relation Relate(string output, string folder, bool insideToo) =>
        RealPath.IsInside(folder, output) && RealPath.IsInside(output, folder) ? Relation.Same
        : RealPath.IsInside(output, folder) ? Relation.Holding
        : insideToo && RealPath.IsInside(folder, output) ? Relation.Inside
        : Relation.Apart;
}
