using Errata.Documents;
using Errata.Diagnostics;

namespace Errata.Site.Building;

/// <summary>
/// The source files a pipeline can read, in a stable order: index pages first, then by path.
/// Names starting with '.' or '_' are skipped. Links are followed only inside the source folder:
/// a folder is walked once by its real path (so a link back up cannot nest copies), a real file
/// is read once, and a document or folder whose link leads outside the folder is refused.
/// </summary>
public static class SourceSet
{
    public static IReadOnlyList<string> Find(string sourceRoot, DocumentPipeline pipeline) =>
        Walk(sourceRoot, pipeline, new DiagnosticBag()).Select(f => f.Relative).ToList();

    public static IReadOnlyList<SourceFile> Walk(string sourceRoot, DocumentPipeline pipeline, DiagnosticBag diagnostics)
    {
        var walk = new Walker(Path.GetFullPath(sourceRoot), pipeline, diagnostics);
        walk.Run();
        return walk.Found
            .GroupBy(f => f.Real, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(walk.IsAtRealPlace) ?? g.OrderBy(f => f.Relative, StringComparer.Ordinal).First())
            .OrderBy(f => f.Relative.Count(c => c == '/'))
            .ThenBy(f => Path.GetFileNameWithoutExtension(f.Relative) == "index" ? 0 : 1)
            .ThenBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Walker(string shownRoot, DocumentPipeline pipeline, DiagnosticBag diagnostics)
    {
        private static readonly EnumerationOptions Entries = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

        private readonly string _root = RealPath.Resolve(shownRoot) ?? shownRoot;
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly Queue<(string Relative, string Real)> _links = new();

        public List<SourceFile> Found { get; } = [];

        /// <summary>The real tree first, then folder links, so a file reached both ways is named by its real place.</summary>
        public void Run()
        {
            _visited.Add(_root);
            Read("", _root);
            while (_links.TryDequeue(out var link))
                if (_visited.Add(link.Real))
                    Read(link.Relative, link.Real);
        }

        public bool IsAtRealPlace(SourceFile f) => Path.Combine(_root, f.Relative) == f.Real;

        private void Read(string relative, string folder)
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", Entries).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry.Name.StartsWith('.') || entry.Name.StartsWith('_')) continue;
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (entry.LinkTarget is not null)
                    FollowLink(entry, path);
                else if (entry is DirectoryInfo)
                {
                    if (_visited.Add(entry.FullName)) Read(path, entry.FullName);
                }
                else if (pipeline.CanRead(entry.Name))
                {
                    Found.Add(new SourceFile(path, entry.FullName));
                }
            }
        }

        /// <summary>A link is judged by where it really leads: a loop or a place outside the folder is refused.</summary>
        private void FollowLink(FileSystemInfo entry, string path)
        {
            var real = RealPath.Resolve(entry.FullName);
            var isFolder = real is not null && Directory.Exists(real);
            if (!isFolder && !pipeline.CanRead(entry.Name)) return;
            var shown = SiteBuilder.Display(Path.Combine(shownRoot, path));
            if (real is null)
                diagnostics.Add(SiteErrors.LinkLoop, SourceSpan.None(shown), shown);
            else if (!RealPath.IsInside(_root, real))
                diagnostics.Add(isFolder ? SiteErrors.FolderLinkOutside : SiteErrors.DocumentLinkOutside, SourceSpan.None(shown), shown, real);
            else if (isFolder)
                _links.Enqueue((path, real));
            else
                Found.Add(new SourceFile(path, real));
        }
    }
}
