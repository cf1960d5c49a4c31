using System.Globalization;
using System.Text;
using System.Xml;

namespace Errata.Site.Reports;

/// <summary>
/// Text as XML 1.0 can carry it: a character XML forbids (a control character other than tab
/// and line ends, a lone surrogate) is written as <c>\uXXXX</c>, so a report of a document
/// holding one is still well-formed and still says what was there.
/// </summary>
public static class XmlText
{
    public static string Clean(string text)
    {
        StringBuilder? b = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                b?.Append(c);
                // Step past the low half whether or not anything is being copied yet.
                if (pair && b is not null) b.Append(text[i + 1]);
                if (pair) i++;
                continue;
            }
            b ??= new StringBuilder(text, 0, i, text.Length + 16);
            b.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return b?.ToString() ?? text;
    }
}
