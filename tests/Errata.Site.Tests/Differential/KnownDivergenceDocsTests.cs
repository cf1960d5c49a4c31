using System.Text.RegularExpressions;
using Errata.Testing;
using Errata.Testing.Differential;

namespace Errata.Site.Tests.Differential;

/// <summary>docs/guide/profiles.md lists exactly the known QEMU divergences the differential tests recognise.</summary>
public sealed partial class KnownDivergenceDocsTests
{
    [Fact]
    public void ProfilesPage_ListsEveryKnownDivergence_AndNoOther()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "guide", "profiles.md"));
        var start = page.IndexOf("### Known differences between `qemu-tcg` and a real QEMU run", StringComparison.Ordinal);
        Assert.True(start >= 0, "profiles.md has no known-differences section");
        var end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
        var section = page[start..(end < 0 ? page.Length : end)];
        var listed = Row().Matches(section).Select(m => m.Groups["id"].Value).ToArray();
        Assert.Equal(KnownQemuDivergences.All.Select(k => k.Id).Order(), listed.Order());
        Assert.Equal(listed.Length, listed.Distinct().Count());
    }

    [GeneratedRegex(@"^\| `(?<id>[a-z0-9.-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
