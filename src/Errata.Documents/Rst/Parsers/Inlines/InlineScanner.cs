using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers.Inlines;

/// <summary>
/// Finds the leftmost match of an anchored inline pattern as a regex search would, but only
/// tries positions near characters every match must contain (a start-string character, or
/// the ':'/'@' of a URI), found with a vectorised search: the patterns may start at any
/// word, so a plain regex search tries every position of the text.
/// </summary>
internal static class InlineScanner
{
    /// <summary>Every inline construct contains one of these: * ` _ | [ .</summary>
    public static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("*`_|[");

    /// <summary>Every standalone URI or e-mail address contains one of these.</summary>
    public static readonly SearchValues<char> UriCharacters = SearchValues.Create(":@");

    /// <summary>
    /// The leftmost match (after a start-string prefix) in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>),
    /// with that range treated as the whole string (docutils slices the text after each construct).
    /// Returns absolute index and length; no Match objects are made, as this runs for every paragraph.
    /// </summary>
    public static (int Index, int Length)? Find(Regex anchored, string text, int start, int end, SearchValues<char> required, Func<char, bool> mayPrecede)
    {
        var tried = start - 1;
        var from = start;
        while (from < end)
        {
            var found = text.AsSpan(from, end - from).IndexOfAny(required);
            if (found < 0) return null;
            var candidate = from + found;
            var first = candidate;
            while (first > start && mayPrecede(text[first - 1])) first--;
            for (var p = Math.Max(first, tried + 1); p <= candidate; p++)
            {
                if (p > start && !InlinePatterns.StartsAfter(text[p - 1])) continue;
                if (First(anchored, text.AsSpan(p, end - p)) is { } m) return (p, m.Length);
            }
            tried = candidate;
            from = candidate + 1;
        }
        return null;
    }

    /// <summary>The first match of <paramref name="regex"/> in <paramref name="span"/>, as a regex search on that string would find it.</summary>
    public static (int Index, int Length)? First(Regex regex, ReadOnlySpan<char> span)
    {
        foreach (var m in regex.EnumerateMatches(span)) return (m.Index, m.Length);
        return null;
    }

    /// <summary>Characters a role, reference name or URI scheme/e-mail part may hold before the required character.</summary>
    public static bool IsNameCharacter(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '+' or ':'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;

    public static bool IsUriCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-_.!~*'()[];/:&=+$,%{|}#?^`\0".Contains(c);
}
