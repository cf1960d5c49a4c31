using System.Text;

namespace Errata.Documents.Rst;

/// <summary>
/// Class names as docutils makes them (<c>nodes.make_id</c>, through <c>class_option</c>):
/// lower case, the letters with no decomposition spelt in ASCII, the rest folded to ASCII
/// (<see cref="AsciiFolding"/>), every run of other characters one hyphen, no leading digit
/// or hyphen, so a name is always a valid CSS class.
/// </summary>
internal static class ClassNames
{
    // docutils' _non_id_translate_digraphs and _non_id_translate: letters NFKD does not reduce to ASCII.
    private static readonly Dictionary<char, string> Spelt = new()
    {
        ['ß'] = "sz", ['æ'] = "ae", ['œ'] = "oe", ['ȸ'] = "db", ['ȹ'] = "qp",
        ['ø'] = "o", ['đ'] = "d", ['ħ'] = "h", ['ı'] = "i", ['ł'] = "l", ['ŧ'] = "t", ['ƀ'] = "b", ['ƃ'] = "b",
        ['ƈ'] = "c", ['ƌ'] = "d", ['ƒ'] = "f", ['ƙ'] = "k", ['ƚ'] = "l", ['ƞ'] = "n", ['ƥ'] = "p", ['ƫ'] = "t",
        ['ƭ'] = "t", ['ƴ'] = "y", ['ƶ'] = "z", ['ǥ'] = "g", ['ȥ'] = "z", ['ȴ'] = "l", ['ȵ'] = "n", ['ȶ'] = "t",
        ['ȷ'] = "j", ['ȼ'] = "c", ['ȿ'] = "s", ['ɀ'] = "z", ['ɇ'] = "e", ['ɉ'] = "j", ['ɋ'] = "q", ['ɍ'] = "r", ['ɏ'] = "y",
    };

    /// <summary>docutils' make_id: empty when nothing of <paramref name="text"/> can be a class name.</summary>
    public static string Make(string text)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var letter in text.ToLowerInvariant())
        {
            // What Spelt gives is ASCII already, so folding it would change nothing.
            foreach (var c in Spelt.GetValueOrDefault(letter) ?? AsciiFolding.Fold(letter))
            {
                if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) { sb.Append(c); dash = false; }
                else if (!dash) { sb.Append('-'); dash = true; }
            }
        }
        var start = 0;
        while (start < sb.Length && (sb[start] == '-' || char.IsAsciiDigit(sb[start]))) start++;
        return sb.ToString(start, sb.Length - start).TrimEnd('-');
    }

    /// <summary>
    /// A class option's value (names separated by spaces) as class names, or null with
    /// <paramref name="error"/> saying, as docutils does, which name cannot be one.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string value, out string? error)
    {
        error = null;
        var names = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            error = "argument required but none supplied";
            return null;
        }
        var classes = new List<string>(names.Length);
        foreach (var name in names)
        {
            var made = Make(name);
            if (made.Length == 0)
            {
                error = $"cannot make \"{name}\" into a class name";
                return null;
            }
            classes.Add(made);
        }
        return classes;
    }
}
