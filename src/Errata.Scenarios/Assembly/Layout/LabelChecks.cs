using Errata.Documents.Diagnostics;
using Errata.Documents.Syntax;
using Errata.Scenarios.Assembly.Expressions;
using Errata.Scenarios.Assembly.Parsing;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>Labels are defined once across all sections, and every label used is defined.</summary>
public static class LabelChecks
{
    /// <summary>Reports duplicates and undefined uses; returns the defined names in order.</summary>
    public static List<string> Check(List<PlacedSection> sections, List<(SourceLine Line, LabelExpr Use)> uses, List<Diagnostic> diagnostics)
    {
        var first = new Dictionary<string, LabelStatement>(StringComparer.Ordinal);
        foreach (var label in sections.SelectMany(s => s.Statements).OfType<LabelStatement>())
        {
            if (first.TryGetValue(label.Name, out var earlier))
                diagnostics.Add(AssemblerErrors.DuplicateLabel.At(label.Line.At(label.Column, label.Length), label.Name, earlier.Line.Origin.Line + 1));
            else
                first[label.Name] = label;
        }
        foreach (var (line, use) in uses)
            if (!first.ContainsKey(use.Name))
                diagnostics.Add(AssemblerErrors.UndefinedLabel.At(line.At(use.Column, use.Length), use.Name));
        return [.. first.Keys];
    }
}
