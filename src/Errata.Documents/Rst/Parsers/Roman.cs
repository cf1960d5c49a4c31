namespace Errata.Documents.Rst.Parsers;

/// <summary>Roman numerals 1..4999 in canonical form only, as docutils' roman module accepts them.</summary>
internal static class Roman
{
    private static readonly (int Value, string Numeral)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    public static string? Format(int value)
    {
        if (value is < 1 or > 4999) return null;
        var sb = new System.Text.StringBuilder();
        foreach (var (v, numeral) in Table)
            while (value >= v) { sb.Append(numeral); value -= v; }
        return sb.ToString();
    }

    public static int? Parse(string numeral)
    {
        var value = 0;
        var i = 0;
        foreach (var (v, n) in Table)
            while (string.CompareOrdinal(numeral, i, n, 0, n.Length) == 0 && i + n.Length <= numeral.Length) { value += v; i += n.Length; }
        return i == numeral.Length && value > 0 && Format(value) == numeral ? value : null;
    }
}
