using System.Text;

namespace Errata.Testing.Differential;

/// <summary>How many programs agree, and each class of disagreement with its count, cause and first example.</summary>
internal static class DifferentialReport
{
    public static string Write(IReadOnlyList<DifferentialResult> results)
    {
        var text = new StringBuilder();
        var agree = results.Count(r => r.Agrees);
        text.AppendLine($"{agree} of {results.Count} programs agree");
        foreach (var group in results.Where(r => !r.Agrees).GroupBy(r => r.Class).OrderByDescending(g => g.Count()))
        {
            var first = group.First();
            text.AppendLine();
            text.AppendLine($"{group.Count()} x {group.Key}");
            if (first.Known is { } k) text.AppendLine($"  cause: {k.Cause}\n  source: {k.Source}");
            else text.AppendLine("  cause: not known yet: fix the model or record it in KnownQemuDivergences");
            text.AppendLine("  first example:");
            foreach (var line in first.Program.Describe(first.Disagreements).Split('\n')) text.AppendLine("    " + line);
        }
        return text.ToString();
    }
}
