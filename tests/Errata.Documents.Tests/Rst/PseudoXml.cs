using System.Text.RegularExpressions;

namespace Errata.Documents.Tests.Rst;

/// <summary>A docutils pseudo-XML element: tag, raw attribute text, and children (elements or text lines).</summary>
internal sealed class PxNode(string tag, string attributes)
{
    public string Tag { get; } = tag;
    public string Attributes { get; } = attributes;
    public List<object> Children { get; } = [];

    public string? Attribute(string name)
    {
        var m = Regex.Match(Attributes, "(?:^| )" + Regex.Escape(name) + "=\"((?:[^\"]|\"(?! [a-z_:.]+=\"|$))*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    public IEnumerable<PxNode> Elements => Children.OfType<PxNode>();
}

/// <summary>
/// Reads docutils' pseudo-XML (rst2pseudoxml): four spaces per level, elements as
/// <c>&lt;tag attr="..."&gt;</c>, text lines one level deeper than their element.
/// </summary>
internal static partial class PseudoXml
{
    private static readonly HashSet<string> Tags =
    [
        "document", "section", "title", "subtitle", "paragraph", "literal_block", "doctest_block", "block_quote", "attribution",
        "bullet_list", "enumerated_list", "list_item", "definition_list", "definition_list_item", "term", "classifier", "definition",
        "field_list", "field", "field_name", "field_body", "option_list", "option_list_item", "option_group", "option",
        "option_string", "option_argument", "description", "line_block", "line", "table", "tgroup", "colspec", "thead", "tbody",
        "row", "entry", "note", "warning", "tip", "important", "attention", "caution", "danger", "error", "hint", "admonition",
        "topic", "sidebar", "rubric", "compound", "container", "comment", "target", "substitution_definition", "footnote",
        "citation", "label", "system_message", "pending", "image", "figure", "caption", "legend", "transition", "raw", "meta",
        "math", "math_block", "header", "footer", "decoration", "docinfo", "emphasis", "strong", "literal", "reference",
        "footnote_reference", "citation_reference", "substitution_reference", "title_reference", "inline", "problematic",
        "subscript", "superscript", "abbreviation", "acronym", "generated", "author", "authors", "organization", "address",
        "contact", "version", "revision", "status", "date", "copyright", "line_block", "epigraph",
    ];

    private static readonly HashSet<string> PreservingTags = ["literal_block", "doctest_block", "math_block", "raw", "comment"];

    private static readonly HashSet<string> InlineTags =
    [
        "emphasis", "strong", "literal", "reference", "footnote_reference", "citation_reference", "substitution_reference",
        "title_reference", "inline", "problematic", "subscript", "superscript", "abbreviation", "acronym", "math", "target",
    ];

    public static PxNode Parse(string text)
    {
        var root = new PxNode("#root", "");
        var stack = new List<(PxNode Node, int Depth)> { (root, -1) };
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var indent = line.Length - line.TrimStart(' ').Length;
            var m = Element().Match(line);
            // Inside a literal block, anything indented under it is its text, even when it looks like an element.
            var inLiteral = PreservingTags.Contains(stack[^1].Node.Tag) && indent >= (stack[^1].Depth + 1) * 4;
            if (m.Success && !inLiteral && indent % 4 == 0 && Tags.Contains(m.Groups[1].Value))
            {
                var depth = indent / 4;
                while (stack[^1].Depth >= depth) stack.RemoveAt(stack.Count - 1);
                var node = new PxNode(m.Groups[1].Value, m.Groups[2].Value.Trim());
                stack[^1].Node.Children.Add(node);
                stack.Add((node, depth));
                continue;
            }
            // Whitespace-only lines are empty text lines of the element at their depth; truly empty ones continue the current one.
            if (line.Length > 0)
                while (stack.Count > 1 && (stack[^1].Depth + 1) * 4 > indent) stack.RemoveAt(stack.Count - 1);
            // Text after an inline element may start with spaces, which look like that element's indentation.
            while (stack.Count > 1 && InlineTags.Contains(stack[^1].Node.Tag) && indent > (stack[^1].Depth + 1) * 4) stack.RemoveAt(stack.Count - 1);
            var owner = stack[^1];
            var cut = Math.Min(line.Length, (owner.Depth + 1) * 4);
            owner.Node.Children.Add(line[cut..]);
        }
        return root.Elements.First();
    }

    [GeneratedRegex(@"^ *<([a-z_]+)((?: .*)?)>$")]
    private static partial Regex Element();
}
