using System.Globalization;

namespace Errata.Scenarios.Claims;

/// <summary>Numbers as the scenario language writes them: decimal, 0x.., ..h, 0b...</summary>
public static class Hex
{
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out ulong value)
    {
        value = 0;
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
