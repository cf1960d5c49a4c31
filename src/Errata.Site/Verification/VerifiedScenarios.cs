using Errata.Documents.Syntax;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification;

/// <summary>
/// The results of the scenarios that compiled, in document order, found again by scenario
/// name: names are unique in a site (a duplicate is bad input, and nothing is rendered then).
/// </summary>
public sealed class VerifiedScenarios
{
    private readonly Dictionary<string, ScenarioResult> _byName = new(StringComparer.Ordinal);

    public VerifiedScenarios(IEnumerable<ScenarioResult> inOrder)
    {
        InOrder = inOrder.ToList();
        foreach (var r in InOrder) _byName.TryAdd(r.Scenario.Syntax.Name, r);
    }

    public static readonly VerifiedScenarios None = new([]);

    public IReadOnlyList<ScenarioResult> InOrder { get; }

    /// <summary>The result of the scenario a block holds, or null when it did not compile.</summary>
    public ScenarioResult? For(ScenarioBlock block) => _byName.GetValueOrDefault(block.Name);
}
