namespace Errata.Documents.Syntax;

/// <summary>
/// Interpreted text with a role the model has no node for (<c>:ref:</c>, <c>:c:func:</c>,
/// <c>:sub:</c>, the default title reference...). <see cref="Target"/> holds an explicit
/// target from <c>title &lt;target&gt;</c>.
/// </summary>
public sealed class InterpretedText : ContainerInline
{
    public required string Role { get; init; }
    public string? Target { get; init; }
}

/// <summary>A <c>|name|</c> reference; its children are the definition's inlines once resolved.</summary>
public sealed class SubstitutionReference : ContainerInline
{
    public required string Name { get; init; }
}

/// <summary>An inline internal target (<c>_`name`</c>): text that is also an anchor.</summary>
public sealed class InlineTarget : ContainerInline
{
    public required string Id { get; init; }
}
