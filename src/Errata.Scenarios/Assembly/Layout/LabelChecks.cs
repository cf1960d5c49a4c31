using Errata.Diagnostics;
using Errata.Scenarios.Assembly.Parsing;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>Labels are defined once across all sections, and every label used is defined.</summary>
internal static class LabelChecks
{
    /// <summary>Reports duplicates and undefined uses; returns the defined names in order.</summary>
    public static List<string> Check(List<PlacedSection> sections, List<Diagnostic> diagnostics)
    {
        var first = new Dictionary<string, LabelStatement>(StringComparer.Ordinal);
        foreach (var section in sections)
            foreach (var statement in section.Statements)
                if (statement is LabelStatement label && !first.TryAdd(label.Name, label))
                    diagnostics.Add(AssemblerErrors.DuplicateLabel.At(label.Line.At(label.Column, label.Length),
                        label.Name, first[label.Name].Line.Origin.Line + 1));
        foreach (var section in sections)
            foreach (var statement in section.Statements)
                foreach (var use in statement.LabelUses)
                    if (!first.ContainsKey(use.Name))
                    {
                        diagnostics.Add(AssemblerErrors.UndefinedLabel.At(statement.Line.At(use.Column, use.Length), use.Name));
                        statement.UsesUndefinedLabel = true;
                    }
        return [.. first.Keys];
    }
}
