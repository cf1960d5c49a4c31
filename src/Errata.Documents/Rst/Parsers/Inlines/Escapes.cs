using System.Text;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>
/// Backslash escapes as docutils handles them: before recognition every backslash becomes a
/// NUL mark (so an escaped character never starts or ends markup); afterwards the marks go,
/// an escaped space or newline going with its mark.
/// </summary>
internal static class Escapes
{
    public static string ToNull(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                sb.Append('\0');
                if (i + 1 < text.Length) sb.Append(text[++i]);
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    public static string Unescape(string text, bool restoreBackslashes = false)
    {
        if (!text.Contains('\0')) return text;
        if (restoreBackslashes) return text.Replace('\0', '\\');
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\0') { sb.Append(text[i]); continue; }
            if (i + 1 < text.Length && text[i + 1] is ' ' or '\n') i++;
        }
        return sb.ToString();
    }
}
