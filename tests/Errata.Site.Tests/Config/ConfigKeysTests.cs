using System.Text.RegularExpressions;
using Errata.Site.Config;
using Errata.Testing;
using static Errata.Site.Tests.Config.SiteConfigLoaderTests;

namespace Errata.Site.Tests.Config;

/// <summary>
/// The loader's one table of keys against what the keys do and what the guide says: a key
/// added to the table must change the config and be documented, and the guide lists no other.
/// </summary>
public partial class ConfigKeysTests
{
    /// <summary>A value for each key that differs from its default, and how to see it in the config.</summary>
    private static readonly Dictionary<string, (string Json, Func<SiteConfig, object> Read)> Samples = new()
    {
        ["title"] = ("\"T\"", c => c.Title),
        ["source"] = ("\"src\"", c => c.Source),
        ["output"] = ("\"out\"", c => c.Output),
        ["templates"] = ("\"theme\"", c => c.Templates),
        ["defaultProfiles"] = ("[\"kvm\"]", c => string.Join(",", c.DefaultProfiles)),
        ["reference"] = ("\"kvm\"", c => c.Reference),
        ["baseUrl"] = ("\"/x/\"", c => c.BaseUrl),
        ["allowRaw"] = ("true", c => c.AllowRaw),
        ["runTimeout"] = ("5", c => c.RunTimeout),
    };

    [Fact]
    public void EveryKey_HasASample()
    {
        Assert.Equal(SiteConfigLoader.KeyNames.Order(), Samples.Keys.Order());
    }

    [Fact]
    public void EveryKey_ChangesItsOwnSetting_AndNoOther()
    {
        var defaults = new SiteConfig();
        foreach (var key in SiteConfigLoader.KeyNames)
        {
            var (c, d) = Parse($"{{ \"{key}\": {Samples[key].Json} }}");
            Assert.Empty(d);
            foreach (var (other, sample) in Samples)
            {
                var changed = !Equals(sample.Read(c), sample.Read(defaults));
                Assert.True(changed == (other == key), $"'{key}' {(changed ? "changed" : "left")} '{other}'");
            }
        }
    }

    [Fact]
    public void TheGuide_DocumentsExactlyTheKeys()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "guide", "commands.md"));
        var table = guide[guide.IndexOf("## site.config.json", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf("| key |", StringComparison.Ordinal), StringComparison.Ordinal)];
        var documented = KeyRow().Matches(table).Select(m => m.Groups[1].Value);
        Assert.Equal(SiteConfigLoader.KeyNames, documented);
    }

    [GeneratedRegex(@"^\| `([A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();
}
