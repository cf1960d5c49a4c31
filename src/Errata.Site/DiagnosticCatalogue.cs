using System.Reflection;
using Errata.Diagnostics;
using Errata.Documents.Diagnostics;
using Errata.Documents.Markdown;
using Errata.Documents.Rst;
using Errata.Scenarios;
using Errata.Scenarios.Assembly;
using Errata.Site.Accepting;
using Errata.Site.Building;
using Errata.Site.Config;
using Errata.Site.Reports;
using Errata.Site.Rendering;
using Errata.Site.Scaffolding;
using Errata.Site.Serving;
using Errata.Site.Verification;

namespace Errata.Site;

/// <summary>
/// Every diagnostic Errata can report, in id order: the one list that tests check for unique
/// ids and docs/guide/diagnostics.md documents. Each layer declares its own descriptors as
/// static fields; this, the top library layer, sees them all.
/// </summary>
public static class DiagnosticCatalogue
{
    /// <summary>The classes that declare descriptors, from the lowest layer up.</summary>
    public static IReadOnlyList<Type> Declarers { get; } =
    [
        typeof(TextErrors),
        typeof(DocumentErrors),
        typeof(GapTableErrors),
        typeof(RstErrors),
        typeof(RstMarkupErrors),
        typeof(MarkdownErrors),
        typeof(AssemblerErrors),
        typeof(ScenarioErrors),
        typeof(GapErrors),
        typeof(SiteErrors),
    ];

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        Declarers.SelectMany(DeclaredBy).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>The descriptors a class declares as public static fields.</summary>
    public static IEnumerable<DiagnosticDescriptor> DeclaredBy(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
