using Errata.Diagnostics;
using Errata.Documents.Syntax;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>
/// Interpreted text roles. docutils' own roles map to model nodes where the model has one;
/// any other role (Sphinx's <c>:ref:</c>, the kernel's <c>:c:func:</c>...) is kept by name,
/// with Sphinx's <c>title &lt;target&gt;</c> split, so documents written for Sphinx read cleanly.
/// </summary>
internal static partial class Roles
{
    private static readonly HashSet<string> DocutilsRoles =
    [
        "emphasis", "strong", "literal", "code", "math", "subscript", "superscript", "title-reference",
        "abbreviation", "acronym", "pep-reference", "rfc-reference", "raw",
    ];

    public static string Canonical(string role) => role.ToLowerInvariant() switch
    {
        "sub" => "subscript",
        "sup" => "superscript",
        "t" or "title" => "title-reference",
        "ab" => "abbreviation",
        "ac" => "acronym",
        "pep" => "pep-reference",
        "rfc" => "rfc-reference",
        var r => r,
    };

    public static Inline Apply(RstContext context, string? role, string escaped, SourceSpan span, SourceSpan textSpan)
    {
        var name = Canonical(role ?? context.DefaultRole);
        var kind = context.RoleAliases.TryGetValue(name, out var baseRole) ? Canonical(baseRole) : name;
        Text Content(string value) => new() { Value = value, Span = textSpan };
        switch (kind)
        {
            case "emphasis":
                return With(new Emphasis { Span = span }, Content(Escapes.Unescape(escaped)));
            case "strong":
                return With(new Strong { Span = span }, Content(Escapes.Unescape(escaped)));
            case "literal":
                return new Code { Value = Escapes.Unescape(escaped), Span = span };
            case "code":
                return new Code { Value = Escapes.Unescape(escaped, restoreBackslashes: true), Span = span };
            case "math":
                return With(new InterpretedText { Role = "math", Span = span }, Content(Escapes.Unescape(escaped, restoreBackslashes: true)));
            case "raw" when context.Read.AllowRaw:
                return new HtmlInline { Html = Escapes.Unescape(escaped), Span = span };
            case "pep-reference" or "rfc-reference" when int.TryParse(Escapes.Unescape(escaped).Split('#')[0], out var number):
                // docutils' pep_base_url and rfc_base_url defaults.
                var pep = kind == "pep-reference";
                var link = new Link { Url = pep ? $"https://peps.python.org/pep-{number:0000}/" : $"https://tools.ietf.org/html/rfc{number}.html", Span = span };
                return With(link, Content((pep ? "PEP " : "RFC ") + Escapes.Unescape(escaped)));
        }
        if (!DocutilsRoles.Contains(name) && ExplicitTitle().Match(escaped) is { Success: true } m)
            return With(new InterpretedText { Role = name, Target = Escapes.Unescape(m.Groups[2].Value), Span = span }, Content(Escapes.Unescape(m.Groups[1].Value)));
        return With(new InterpretedText { Role = name, Span = span }, Content(Escapes.Unescape(escaped)));
    }

    private static T With<T>(T node, Inline child) where T : ContainerInline
    {
        node.Children.Add(child);
        return node;
    }

    [GeneratedRegex(@"^(.+?)\s*(?<!\0)<(.*?)>$", RegexOptions.Singleline)]
    private static partial Regex ExplicitTitle();
}
