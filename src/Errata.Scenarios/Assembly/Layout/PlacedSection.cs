using Errata.Scenarios.Assembly.Parsing;

namespace Errata.Scenarios.Assembly.Layout;

/// <summary>A section's parsed statements and, after layout, where it starts.</summary>
internal sealed class PlacedSection(AsmSection section, List<Statement> statements)
{
    public AsmSection Section { get; } = section;
    public List<Statement> Statements { get; } = statements;
    public ulong Start { get; set; }
}
