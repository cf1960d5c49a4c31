using System.Globalization;

namespace Errata.Scenarios.Claims;

/// <summary>Numbers as the scenario language writes them: decimal, 0x.., ..h, 0b...</summary>
public static class Hex
{
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out ulong value)
    {
        value = 0;
        // A number starts with a digit (after a sign), as in NASM: `_9` is a name, not 9.
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length == 0 || !char.IsAsciiDigit(digits[0])) return false;
        var s = text.Replace("_", "", StringComparison.Ordinal);
        if (s.Length == 0) return false;
        var negative = s[0] == '-';
        if (negative) s = s[1..];
        bool ok;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            ok = ulong.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        else if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
            ok = TryBinary(s.AsSpan(2), out value);
        else if (s.Length > 1 && (s[^1] is 'h' or 'H') && char.IsAsciiDigit(s[0]))
            ok = ulong.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        else
            ok = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (ok && negative) value = unchecked(0 - value);
        return ok;
    }

    private static bool TryBinary(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        if (digits.Length is 0 or > 64) return false;
        foreach (var c in digits)
        {
            if (c is not ('0' or '1')) return false;
            value = (value << 1) | (c == '1' ? 1UL : 0UL);
        }
        return true;
    }
}
