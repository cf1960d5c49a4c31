using System.Text;

namespace Errata.Testing.Fuzzing;

/// <summary>The campaign's summary and its reproducers as text, for the benchmark's output and a failing test's message.</summary>
internal static class FuzzReport
{
    public static string Summary(FindingSet findings, int inputs, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.Append($"fuzz: {inputs} input(s) in {elapsed.TotalSeconds:F1} s, {inputs / Math.Max(elapsed.TotalSeconds, 1e-9):F0} inputs/s\n");
        foreach (var (c, n) in findings.CountsByClass()) sb.Append($"  {c,-20} {n} input(s)\n");
        foreach (var (f, input, count) in findings.Distinct())
            sb.Append($"  [{count}x] {f.Key}  (smallest: input #{input.Index}, {input.Size} bytes)\n");
        return sb.ToString();
    }

    public static string Reproducer(Finding finding, FuzzInput input, int seed) =>
        $"{finding.Key}\nreproduce: seed {seed}, input #{input.Index}\n{finding.Detail}\n\n{input.Describe()}";
}
