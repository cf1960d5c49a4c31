namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>default-role</c> sets the role of plain <c>`text`</c>; <c>role</c> declares a custom role,
/// which needs nothing here because unknown roles are kept by name anyway.
/// </summary>
internal sealed class RoleDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (!input.Name.Equals("default-role", StringComparison.OrdinalIgnoreCase)) return;
        context.DefaultRole = input.Arguments.Count > 0 ? input.Arguments[0] : "title-reference";
    }
}
