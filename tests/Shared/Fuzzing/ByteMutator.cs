namespace Errata.Testing.Fuzzing;

/// <summary>Byte-level mutations of a seed: flip a bit, insert, delete, duplicate, or splice in bytes from another seed.</summary>
internal static class ByteMutator
{
    private static readonly byte[][] Tokens =
    [
        "\r\n"u8.ToArray(), "\t"u8.ToArray(), "\n\n"u8.ToArray(), "```"u8.ToArray(), ".. "u8.ToArray(), "::"u8.ToArray(), "expect: "u8.ToArray(),
        "code:\n"u8.ToArray(), "\0"u8.ToArray(), [0xff], [0xc3], [0xef, 0xbb, 0xbf], "`"u8.ToArray(), "|"u8.ToArray(), "   "u8.ToArray(), "\r"u8.ToArray(),
    ];

    public static byte[] Mutate(FuzzRandom r, byte[] seed, IReadOnlyList<byte[]> others)
    {
        var bytes = new List<byte>(seed);
        for (var n = r.Between(1, 8); n > 0; n--)
        {
            var at = bytes.Count == 0 ? 0 : r.Next(bytes.Count + 1);
            switch (r.Next(6))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << r.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, r.Byte());
                    break;
                case 2 when bytes.Count > 0:
                    var start = Math.Min(at, bytes.Count - 1);
                    bytes.RemoveRange(start, Math.Min(bytes.Count - start, r.Between(1, 64)));
                    break;
                case 3:
                    bytes.InsertRange(at, r.Pick(Tokens));
                    break;
                case 4 when others.Count > 0:
                    var other = r.Pick(others);
                    var from = r.Next(other.Length + 1);
                    bytes.InsertRange(at, other.Skip(from).Take(r.Between(1, 400)));
                    break;
                case 5 when bytes.Count > 0:
                    var s = Math.Min(at, bytes.Count - 1);
                    var chunk = bytes.GetRange(s, Math.Min(bytes.Count - s, r.Between(1, 200)));
                    bytes.InsertRange(s, chunk);
                    break;
            }
        }
        return [.. bytes];
    }
}
