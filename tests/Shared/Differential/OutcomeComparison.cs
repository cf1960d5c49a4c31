using Errata.Machine;

namespace Errata.Testing.Differential;

/// <summary>
/// Compares the model's outcome of an image with a real run's: the deliveries (event, return RIP,
/// #DB's DR6, order), how the run ended, and the final registers both report. Returns every
/// difference, deliveries first in the order they happened: the first is the likeliest cause,
/// the rest often its consequences.
/// </summary>
internal static class OutcomeComparison
{
    public static IReadOnlyList<Disagreement> Compare(MachineImage image, Outcome model, Outcome real, IReadOnlySet<string>? ignoredFields = null)
    {
        var found = new List<Disagreement>();
        CompareDeliveries(Delivery.Of(model, image), Delivery.Of(real, image), found);
        if (model.End != real.End)
        {
            found.Add(new Disagreement(DisagreementKind.End, $"{Name(model)} vs {Name(real)}",
                $"model {Name(model)}{Why(model)}, real {Name(real)}{Why(real)}"));
            // Registers after different ends say nothing more.
            return found;
        }
        foreach (var field in model.Final.Names)
        {
            if (ignoredFields?.Contains(field) == true || !real.Final.TryGet(field, out var observed)) continue;
            model.Final.TryGet(field, out var expected);
            if (expected != observed)
                found.Add(new Disagreement(DisagreementKind.FinalState, field, $"final {field}: model 0x{expected:x}, real 0x{observed:x}"));
        }
        return found;
    }

    private static void CompareDeliveries(IReadOnlyList<Delivery> model, IReadOnlyList<Delivery> real, List<Disagreement> found)
    {
        var modelKeys = model.Select(d => d.Key).ToArray();
        var realKeys = real.Select(d => d.Key).ToArray();
        var differences = AlignedDifferences(model, real);
        if (!modelKeys.SequenceEqual(realKeys) && modelKeys.Order().SequenceEqual(realKeys.Order()))
        {
            found.Add(new Disagreement(DisagreementKind.EventOrder, "deliveries",
                $"model {string.Join(", ", modelKeys)}; real {string.Join(", ", realKeys)}")
                { Parts = [.. differences.Where(d => d.Kind is DisagreementKind.MissingEvent or DisagreementKind.ExtraEvent)] });
            found.AddRange(PermutedDr6(model, real));
            return;
        }
        found.AddRange(differences);
    }

    /// <summary>The deliveries only one run has, and the #DBs both have with another DR6, along an alignment of the two lists.</summary>
    private static List<Disagreement> AlignedDifferences(IReadOnlyList<Delivery> model, IReadOnlyList<Delivery> real)
    {
        var found = new List<Disagreement>();
        foreach (var (m, r) in Align([.. model.Select(d => d.Key)], [.. real.Select(d => d.Key)]))
        {
            if (r is null)
                found.Add(new Disagreement(DisagreementKind.MissingEvent, model[m!.Value].Event, $"model delivered {model[m.Value].Key} (delivery {m}), real did not")
                    { Expected = model[m.Value] });
            else if (m is null)
                found.Add(new Disagreement(DisagreementKind.ExtraEvent, real[r.Value].Event, $"real delivered {real[r.Value].Key} (delivery {r}), model did not")
                    { Observed = real[r.Value] });
            else if (Dr6Of(model[m.Value], m.Value, real[r.Value]) is { } dr6) found.Add(dr6);
        }
        return found;
    }

    /// <summary>
    /// The #DBs of two lists that hold the same deliveries in another order, with another DR6: the
    /// k-th delivery with a key in the model's list is paired with the k-th with that key in the real one.
    /// </summary>
    private static IEnumerable<Disagreement> PermutedDr6(IReadOnlyList<Delivery> model, IReadOnlyList<Delivery> real)
    {
        var realByKey = real.ToLookup(d => d.Key);
        var seen = new Dictionary<string, int>();
        for (var m = 0; m < model.Count; m++)
        {
            var key = model[m].Key;
            var k = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (Dr6Of(model[m], m, realByKey[key].ElementAt(k - 1)) is { } dr6) yield return dr6;
        }
    }

    /// <summary>A Dr6 disagreement when both deliveries are #DBs that report DR6 and it differs.</summary>
    private static Disagreement? Dr6Of(Delivery expected, int index, Delivery observed) =>
        expected.Dr6 is { } e && observed.Dr6 is { } o && e != o
            ? new Disagreement(DisagreementKind.Dr6, expected.Event, $"{expected.Key} (delivery {index}): model dr6 0x{e:x}, real 0x{o:x}")
                { Expected = expected, Observed = observed }
            : null;

    /// <summary>
    /// A longest common subsequence of the two key lists, as pairs of indexes in order; an index
    /// paired with null is a delivery the other side does not have.
    /// </summary>
    private static IEnumerable<(int? Model, int? Real)> Align(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) yield return (x++, y++);
            else if (y >= b.Length || (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1])) yield return (x++, null);
            else yield return (null, y++);
        }
    }

    private static string Name(Outcome o) => o.End.ToString().ToLowerInvariant();

    private static string Why(Outcome o) => o.StopReason is { } r ? $" ({r})" : "";
}
