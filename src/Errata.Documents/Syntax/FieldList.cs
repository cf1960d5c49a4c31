namespace Errata.Documents.Syntax;

/// <summary>
/// <c>:name: body</c> fields. A field list that opens a document is its bibliographic
/// data (docinfo: author, version...), marked <see cref="IsDocInfo"/>.
/// </summary>
public sealed class FieldList : Block
{
    public List<Field> Fields { get; } = [];
    public bool IsDocInfo { get; set; }
}

public sealed class Field : ContainerBlock, IHasChildren
{
    public List<Inline> Name { get; } = [];

    public IReadOnlyList<Node> ChildNodes => [.. Name, .. Children];
}
