namespace Errata.Testing.Fuzzing;

/// <summary>Findings of a campaign, deduplicated by <see cref="Finding.Key"/>: a count per key and the smallest input that shows it.</summary>
internal sealed class FindingSet
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (Finding First, FuzzInput Input, int Count)> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<FindingClass, HashSet<int>> _inputs = Enum.GetValues<FindingClass>().ToDictionary(c => c, _ => new HashSet<int>());

    public void Add(Finding finding, FuzzInput input)
    {
        lock (_gate)
        {
            _inputs[finding.Class].Add(input.Index);
            if (_byKey.TryGetValue(finding.Key, out var known))
                _byKey[finding.Key] = input.Size < known.Input.Size ? (finding, input, known.Count + 1) : known with { Count = known.Count + 1 };
            else
                _byKey[finding.Key] = (finding, input, 1);
        }
    }

    public IReadOnlyList<(Finding Finding, FuzzInput Input, int Count)> Distinct()
    {
        lock (_gate) return [.. _byKey.Values.OrderBy(v => v.First.Class).ThenBy(v => v.First.Key, StringComparer.Ordinal)];
    }

    /// <summary>Inputs with a finding, by class (an input counts once per class however many it shows).</summary>
    public Dictionary<FindingClass, int> CountsByClass()
    {
        lock (_gate) return _inputs.ToDictionary(kv => kv.Key, kv => kv.Value.Count);
    }

    public void Replace(string key, Finding finding, FuzzInput input)
    {
        lock (_gate) _byKey[key] = _byKey[key] with { First = finding, Input = input };
    }
}
