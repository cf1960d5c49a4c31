namespace Errata.Documents.Syntax;

/// <summary>An RST comment: kept in the model (licence headers, notes to editors), never rendered.</summary>
public sealed class Comment : Block
{
    public required string Text { get; init; }
}
