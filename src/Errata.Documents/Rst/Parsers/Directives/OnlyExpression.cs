namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// Evaluates the argument of Sphinx's <c>only</c> (<c>html and not latex</c>, with parentheses)
/// for HTML output: the tags <c>html</c>, <c>format_html</c> and <c>builder_html</c> hold, any other does not.
/// </summary>
internal static class OnlyExpression
{
    private static readonly HashSet<string> Tags = ["html", "format_html", "builder_html"];

    public static bool Holds(string expression)
    {
        var tokens = expression.Replace("(", " ( ").Replace(")", " ) ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        var result = Or(tokens, ref at);
        return at == tokens.Length && result;
    }

    private static bool Or(string[] t, ref int at)
    {
        var value = And(t, ref at);
        while (at < t.Length && t[at] == "or") { at++; value |= And(t, ref at); }
        return value;
    }

    private static bool And(string[] t, ref int at)
    {
        var value = Not(t, ref at);
        while (at < t.Length && t[at] == "and") { at++; value &= Not(t, ref at); }
        return value;
    }

    private static bool Not(string[] t, ref int at)
    {
        if (at < t.Length && t[at] == "not") { at++; return !Not(t, ref at); }
        if (at < t.Length && t[at] == "(")
        {
            at++;
            var value = Or(t, ref at);
            if (at < t.Length && t[at] == ")") at++;
            return value;
        }
        return at < t.Length && Tags.Contains(t[at++]);
    }
}
