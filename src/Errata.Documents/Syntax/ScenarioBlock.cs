namespace Errata.Documents.Syntax;

/// <summary>
/// A scenario embedded in a document: a Markdown ```scenario fence or an RST
/// <c>scenario</c> directive. RST options arrive as header lines, so the body
/// language is read the same way from both.
/// </summary>
public sealed class ScenarioBlock : Block
{
    public required string Name { get; init; }
    public required IReadOnlyList<SourceLine> Lines { get; init; }
    /// <summary>The anchor id, unique in the site.</summary>
    public string Id => "scenario-" + Name;
}
