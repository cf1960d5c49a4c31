using Errata.Documents;
using CsCheck;

namespace Errata.Documents.Tests.Paths;

/// <summary>
/// RealPath against the operating system itself: in random trees of folders and links
/// (relative, absolute, through other links, climbing with ..), every real folder holds a
/// file naming its own path, so reading that file through any path tells where the OS
/// resolved it, and RealPath must say the same. Paths are random walks down the tree,
/// each step one of the folders or links the OS finds there that leads into the tree.
/// </summary>
public sealed class RealPathPropertyTests
{
    private static readonly string[] Folders = ["", "a", "b", "a/c", "b/d"];

    /// <summary>
    /// Link targets; ROOT stands for the tree's absolute path. A link to <c>lN/..</c> climbs
    /// from where lN points, which differs from climbing from lN itself when lN goes deeper.
    /// </summary>
    private static readonly string[] Targets = ["a", "../b", "c", "..", "a/c", "b/d", "../a/c", "ROOT/a/c", "ROOT/b/d", "l0/..", "l1/..", "l2/..", "l3/..", "l4/..", "l0/c", "missing"];

    /// <summary>Links go into the top three folders, so that they often sit beside each other.</summary>
    private static readonly Gen<(int Folder, int Target)[]> Links = Gen.Select(Gen.Int[0, 2], Gen.Int[0, Targets.Length - 1]).Array[0, 5];

    [Fact]
    public void RealPath_ResolvesAsTheOperatingSystemDoes()
    {
        var resolved = 0;
        Gen.Select(Links, Gen.Int[0, 99].Array[1, 4]).Sample((links, walk) =>
        {
            var root = Directory.CreateTempSubdirectory("errata-realpath-prop-").FullName;
            try
            {
                foreach (var folder in Folders)
                {
                    var full = Path.GetFullPath(Path.Combine(root, folder));
                    Directory.CreateDirectory(full);
                    File.WriteAllText(Path.Combine(full, "id"), full);
                }
                for (var i = 0; i < links.Length; i++)
                    Directory.CreateSymbolicLink(Path.Combine(root, Folders[links[i].Folder], $"l{i}"), Targets[links[i].Target].Replace("ROOT", root, StringComparison.Ordinal));

                var path = root;
                foreach (var step in walk)
                {
                    // Only into the tree: a link may climb out of it, where no id file is.
                    var next = Directory.GetFileSystemEntries(path).Where(e => File.Exists(Path.Combine(e, "id"))).Order(StringComparer.Ordinal).ToList();
                    if (next.Count == 0) break;
                    path = next[step % next.Count];
                }
                Assert.Equal(File.ReadAllText(Path.Combine(path, "id")), RealPath.Of(path));
                Interlocked.Increment(ref resolved);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }, iter: 400);
        Assert.Equal(400, resolved);
    }
}
