using Errata.Testing;
using Errata.Testing.Fuzzing;

namespace Errata.Site.Tests.Fuzzing;

/// <summary>The campaign's inputs: reproducible from (seed, index), varied, and always contained in their site.</summary>
public sealed class FuzzInputSourceTests
{
    private static readonly FuzzInputSource Source = new(SeedDocuments.Load(RepositoryRoot.Path), renderShare: 0.5);

    [Fact]
    public void Create_SameSeedAndIndex_GivesTheSameBytes()
    {
        for (var i = 0; i < 200; i++)
        {
            var a = Source.Create(3, i);
            var b = Source.Create(3, i);
            Assert.Equal(a.Files.Select(f => f.Path), b.Files.Select(f => f.Path));
            Assert.True(a.Files.Zip(b.Files).All(p => p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes)), $"input {i} differs between two creations");
            Assert.Equal(a.Strict, b.Strict);
            Assert.Equal(a.Render, b.Render);
        }
    }

    [Fact]
    public void Create_OverManyIndices_CoversEveryOriginAndBothFormats()
    {
        var inputs = Enumerable.Range(0, 500).Select(i => Source.Create(1, i)).ToList();
        Assert.Equal(["config", "markdown", "mutated docs/", "mutated generated", "rst"], inputs.Select(i => i.Origin).Distinct().Order(StringComparer.Ordinal));
        var paths = inputs.SelectMany(i => i.Files).Select(f => f.Path).ToList();
        Assert.Contains(paths, p => p.EndsWith(".md", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith(".rst", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.Files.Any(f => f.Bytes.AsSpan().IndexOf("\r\n"u8) >= 0));
        Assert.Contains(inputs, i => i.Files.Any(f => f.Bytes.AsSpan().IndexOf("```scenario"u8) >= 0));
        Assert.Contains(inputs, i => i.Files.Any(f => f.Bytes.AsSpan().IndexOf(".. scenario::"u8) >= 0));
    }

    [Fact]
    public void Create_EveryConfiguration_KeepsItsPathsInsideTheSite()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var config = Source.Create(5, i).Files.Single(f => f.Path == FuzzInput.ConfigName);
            Assert.True(PathGuard.IsContained(config.Bytes), $"input {i}: {config.Decoded}");
        }
    }

    [Theory]
    [InlineData("{\"output\": \"/elsewhere\"}")]
    [InlineData("{\"output\": \"../out\"}")]
    [InlineData("{\"output\": \".\"}")]
    [InlineData("{\"source\": \"docs/../../x\"}")]
    [InlineData("{\"templates\": \"\\u002fetc\"}")]
    [InlineData("// c\n{\"title\": \"t\", \"output\": \"~/x\",}")]
    [InlineData("{\"output\": \"_site\", \"output\": \"..\"}")]
    public void IsContained_PathLeavingTheSite_IsRejected(string json) =>
        Assert.False(PathGuard.IsContained(System.Text.Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"output\": \"_site\", \"source\": \"docs\", \"templates\": \"templates\"}")]
    [InlineData("{\"output\": \"a/b/../c\", \"source\": \".\"}")]
    [InlineData("{\"output\": \"_site\", broken")]
    public void IsContained_PathsInsideTheSite_AreAccepted(string json) =>
        Assert.True(PathGuard.IsContained(System.Text.Encoding.UTF8.GetBytes(json)));
}
