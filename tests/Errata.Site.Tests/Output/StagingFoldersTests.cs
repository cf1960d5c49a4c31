using System.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Output;
using Errata.Site.Tests.Building;

namespace Errata.Site.Tests.Output;

/// <summary>A killed build's staging folders are removed by the next build; nothing else is.</summary>
public sealed class StagingFoldersTests : IDisposable
{
    private readonly SiteFixture _site = new();
    private readonly Process _alive = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;

    public StagingFoldersTests() => _site.Doc("index.md", "# Home\n");

    public void Dispose()
    {
        _alive.Kill();
        _alive.WaitForExit();
        _alive.Dispose();
        _site.Dispose();
    }

    /// <summary>The id of a process that has exited.</summary>
    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }

    private string Folder(string name, bool marked, string file = "page.html")
    {
        var path = Path.Combine(_site.Root, name);
        Directory.CreateDirectory(path);
        if (marked) OutputMarker.Write(path);
        File.WriteAllText(Path.Combine(path, file), "content of " + name);
        return path;
    }

    private string Staging(int pid) => StagingFolders.NameFor(_site.Output, pid, Guid.NewGuid());

    [Fact]
    public void NextBuild_RemovesTheLeftoversOfADeadBuild_AndKeepsEverythingElse()
    {
        var dead = DeadProcessId();
        var abandoned = Folder(Staging(dead), marked: true);
        var abandonedOld = Folder(Staging(dead) + ".old", marked: true);
        var unmarked = Folder(Staging(dead), marked: false);
        var living = Folder(Staging(_alive.Id), marked: true);
        var mine = Folder(Staging(Environment.ProcessId), marked: true);
        var otherOutput = Folder(StagingFolders.NameFor(Path.Combine(_site.Root, "public"), dead, Guid.NewGuid()), marked: true);
        var lookalikes = new[]
        {
            Folder(".something.tmp", marked: true),
            Folder("._site.tmp-backup", marked: true),
            Folder(Staging(dead) + ".bak", marked: true),
            Folder(Staging(dead).ToUpperInvariant(), marked: true),
        };

        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));

        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.False(Directory.Exists(abandoned));
        Assert.False(Directory.Exists(abandonedOld));
        foreach (var kept in lookalikes.Append(unmarked).Append(living).Append(mine).Append(otherOutput))
            Assert.Equal("content of " + Path.GetFileName(kept), File.ReadAllText(Path.Combine(kept, "page.html")));
    }

    [Fact]
    public void ALinkNamedLikeStaging_IsNotFollowed()
    {
        var precious = Folder("precious", marked: true);
        var link = Path.Combine(_site.Root, Staging(DeadProcessId()));
        Directory.CreateSymbolicLink(link, precious);

        StagingFolders.RemoveAbandoned(_site.Output);

        Assert.True(Directory.Exists(link));
        Assert.Equal("content of precious", File.ReadAllText(Path.Combine(precious, "page.html")));
    }

    [Fact]
    public void RemoveAbandoned_WithoutAParentFolder_RemovesNothing() =>
        Assert.Empty(StagingFolders.RemoveAbandoned(Path.Combine(_site.Root, "no", "such", "site")));
}
