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

    public override string ToString() => _sb.ToString();
}
