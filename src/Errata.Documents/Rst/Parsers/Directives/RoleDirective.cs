using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// <c>default-role</c> sets the role of plain <c>`text`</c>; <c>role</c> declares a custom role,
/// <c>.. role:: name(base)</c> making it behave as its base role (unknown roles are kept by name anyway).
/// </summary>
internal sealed partial class RoleDirective : IDirective
{
    public DirectiveShape Shape { get; } = new(Optional: 1, FinalArgumentWhitespace: true);

    public void Run(RstContext context, DirectiveInput input, BlockSink sink)
    {
        if (input.Name.Equals("default-role", StringComparison.OrdinalIgnoreCase))
        {
            context.DefaultRole = input.Arguments.Count > 0 ? input.Arguments[0] : "title-reference";
            return;
        }
        if (Declaration().Match(input.Argument) is { Success: true } m && m.Groups["base"].Success)
            context.RoleAliases[m.Groups["name"].Value.ToLowerInvariant()] = m.Groups["base"].Value.ToLowerInvariant();
    }

    [GeneratedRegex(@"^(?<name>" + BodyPatterns.SimpleName + @")\s*(?:\((?<base>" + BodyPatterns.SimpleName + @")\))?\s*$")]
    private static partial Regex Declaration();
}
