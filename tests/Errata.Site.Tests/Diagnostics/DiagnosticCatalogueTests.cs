using System.Reflection;
using System.Text.RegularExpressions;
using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Scenarios;
using Errata.Testing;

namespace Errata.Site.Tests.Diagnostics;

/// <summary>The catalogue holds every descriptor once, each with its own id, and the guide documents each.</summary>
public sealed partial class DiagnosticCatalogueTests
{
    [Fact]
    public void Ids_AreUnique()
    {
        var repeated = DiagnosticCatalogue.All.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(repeated);
    }

    [Fact]
    public void Ids_AreWellFormed()
    {
        Assert.All(DiagnosticCatalogue.All, d => Assert.Matches(@"^ERR\d{4}$", d.Id));
    }

    [Fact]
    public void EveryDescriptorDeclaredAnywhere_IsInTheCatalogue()
    {
        Assembly[] layers = [typeof(DiagnosticDescriptor).Assembly, typeof(DocumentErrors).Assembly, typeof(ScenarioErrors).Assembly, typeof(DiagnosticCatalogue).Assembly];
        var declared = layers
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name} {((DiagnosticDescriptor)f.GetValue(null)!).Id}")
            .Order(StringComparer.Ordinal);
        var catalogued = DiagnosticCatalogue.Declarers
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => $"{t.Name}.{f.Name} {((DiagnosticDescriptor)f.GetValue(null)!).Id}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(declared, catalogued);
    }

    [Fact]
    public void NoMessage_IsOnlyAPlaceholder()
    {
        Assert.All(DiagnosticCatalogue.All, d => Assert.DoesNotMatch(@"^\s*\{\d+(:[^}]*)?\}\s*$", d.MessageFormat));
    }

    [Fact]
    public void EveryId_IsDocumented_WithItsSeverityAndCategory()
    {
        var entries = GuideEntries();
        Assert.All(DiagnosticCatalogue.All, d =>
        {
            Assert.True(entries.TryGetValue(d.Id, out var entry), $"docs/guide/diagnostics.md has no section for {d.Id}");
            Assert.StartsWith($"{DiagnosticFormatter.SeverityWord(d.Severity)} · {d.Category}", entry, StringComparison.Ordinal);
            Assert.Contains("```", entry, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryDocumentedId_IsInTheCatalogue()
    {
        var ids = DiagnosticCatalogue.All.Select(d => d.Id).ToHashSet();
        Assert.All(GuideEntries().Keys, id => Assert.Contains(id, ids));
    }

    /// <summary>Each "### ERRnnnn: ..." section of the guide's page, by id, to the text under its heading.</summary>
    private static Dictionary<string, string> GuideEntries()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "guide", "diagnostics.md")).ReplaceLineEndings("\n");
        var headings = Heading().Matches(text).ToList();
        var entries = new Dictionary<string, string>();
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + headings[i].Length;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            Assert.True(entries.TryAdd(headings[i].Groups["id"].Value, text[start..end].Trim()), $"{headings[i].Groups["id"].Value} is documented twice");
        }
        return entries;
    }

    [GeneratedRegex(@"^###\s+(?<id>ERR\d{4})\b.*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
