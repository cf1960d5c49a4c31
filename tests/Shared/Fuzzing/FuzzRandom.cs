namespace Errata.Testing.Fuzzing;

/// <summary>
/// Choices a generator makes, all from one seeded <see cref="Random"/> so an input is a
/// function of (seed, index) alone: any finding can be regenerated from its two numbers.
/// </summary>
internal sealed class FuzzRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The seed of input <paramref name="index"/> of a campaign: independent of the order inputs run in.</summary>
    public static FuzzRandom ForInput(int campaignSeed, int index) => new(Mix(campaignSeed, index));

    /// <summary>A fixed mix of the two numbers (SplitMix64's finaliser); HashCode.Combine would differ from process to process.</summary>
    private static int Mix(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9e3779b97f4a7c15UL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return (int)(z ^ (z >> 31));
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);
    public bool Chance(double p) => _random.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    public byte Byte() => (byte)_random.Next(256);

    /// <summary>Small numbers mostly, with the edges integer parsers trip on now and then.</summary>
    public string Number()
    {
        return Next(10) switch
        {
            0 => Pick(Edges),
            1 or 2 => "0x" + _random.NextInt64().ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            3 => "0" + Next(256).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + "h",
            4 => "0b" + Convert.ToString(Next(64), 2),
            _ => Next(300).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static readonly string[] Edges =
    [
        "0", "-1", "0xffffffffffffffff", "0x10000000000000000", "18446744073709551616", "9223372036854775807",
        "-9223372036854775808", "0x", "0b", "h", "0x7fffffff", "2147483648", "1_000", "00000000000000000000000001",
    ];
}
