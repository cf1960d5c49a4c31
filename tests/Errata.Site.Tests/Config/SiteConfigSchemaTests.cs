using System.Text.Json;
using Errata.Diagnostics;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Tests.Building;
using Errata.Testing;

namespace Errata.Site.Tests.Config;

/// <summary>site.config.json's schema, mistyped keys, and the one key that only editors read.</summary>
public sealed class SiteConfigSchemaTests
{
    private static IReadOnlyList<Diagnostic> Problems(string json)
    {
        var bag = new DiagnosticBag();
        SiteConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "site.config.json", bag);
        return bag.Items;
    }

    [Fact]
    public void Schema_DescribesExactlyTheKeysTheLoaderReads_AndNoOthers()
    {
        using var schema = JsonDocument.Parse(SiteConfigSchema.Write());
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal([SiteConfigLoader.SchemaKey, .. SiteConfigLoader.KeyNames], properties);
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.All(schema.RootElement.GetProperty("properties").EnumerateObject(),
            p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("description").GetString())));
    }

    [Fact]
    public void TheRepositorysSchemaFile_IsTheOneTheToolWrites()
    {
        var file = Path.Combine(RepositoryRoot.Path, SiteConfigSchema.FileName);
        Assert.Equal(SiteConfigSchema.Write(), File.ReadAllText(file));
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site.config.json")));
        Assert.Equal("./" + SiteConfigSchema.FileName, config.RootElement.GetProperty(SiteConfigLoader.SchemaKey).GetString());
    }

    [Fact]
    public void SchemaKey_IsAccepted()
    {
        Assert.Empty(Problems("{ \"$schema\": \"./site.config.schema.json\", \"title\": \"T\" }"));
    }

    [Theory]
    [InlineData("titel", "title")]
    [InlineData("baseURL", "baseUrl")]
    [InlineData("defaultProfile", "defaultProfiles")]
    [InlineData("runtimeout", "runTimeout")]
    public void MistypedKey_NamesTheClosestKnownOne(string typed, string meant)
    {
        var e = Assert.Single(Problems($"{{ \"{typed}\": 1 }}"));
        Assert.Equal("ERR0701", e.Id);
        Assert.Contains($"unknown key '{typed}' (did you mean '{meant}'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnrelatedKey_SuggestsNothing()
    {
        var e = Assert.Single(Problems("{ \"colour\": 1 }"));
        Assert.DoesNotContain("did you mean", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>baseUrl does something: an absolute one gives every page its canonical address.</summary>
public sealed class BaseUrlTests : IDisposable
{
    private readonly SiteFixture _site = new();

    public BaseUrlTests() => _site.Doc("guide/intro.md", "# Intro\n\nText.\n");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void AbsoluteBaseUrl_GivesEachPageItsCanonicalLink()
    {
        _site.Config("{ \"baseUrl\": \"https://errata.example/docs\" }");
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.Contains("<link rel=\"canonical\" href=\"https://errata.example/docs/guide/intro.html\">", _site.Page("guide/intro.html"), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"https://errata.example/docs/scenarios.html\">", _site.Page("scenarios.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeBaseUrl_WritesNoCanonicalLink()
    {
        var result = SiteBuilder.Build(new BuildOptions(_site.ConfigPath));
        Assert.True(result.ExitCode == ExitCode.Ok, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain("rel=\"canonical\"", _site.Page("guide/intro.html"), StringComparison.Ordinal);
    }
}
