using System.Text;

namespace Errata.Documents.Rendering.Html;

/// <summary>Accumulates HTML; every piece of author text goes through <see cref="Text"/>, which escapes it.</summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new();

    public HtmlWriter Raw(string html)
    {
        _sb.Append(html);
        return this;
    }

    public HtmlWriter Text(string text)
    {
        HtmlEscaper.Escape(text, _sb);
        return this;
    }

    public HtmlWriter Attribute(string name, string value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        HtmlEscaper.Escape(value, _sb);
        _sb.Append('"');
        return this;
    }

    /// <summary>
    /// The class attribute: the element's own classes, then those its author gave the node
    /// (<see cref="Syntax.Node.Classes"/>); nothing when both are empty.
    /// </summary>
    public HtmlWriter Classes(string own, IReadOnlyList<string> authored)
    {
        if (authored.Count == 0) return own.Length == 0 ? this : Attribute("class", own);
        var all = string.Join(' ', authored);
        return Attribute("class", own.Length == 0 ? all : own + " " + all);
    }

    public override string ToString() => _sb.ToString();
}
