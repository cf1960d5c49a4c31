using System.Text;

namespace Errata.Documents.Rendering.Html;

/// <summary>The one HTML escaping helper: text and attribute values alike.</summary>
public static class HtmlEscaper
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        Escape(text, sb);
        return sb.ToString();
    }

    public static void Escape(string text, StringBuilder sb)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}
