using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Errata.Site.Verification;

/// <summary>
/// One of <see cref="Count"/> parts of a site's scenarios (`--shard INDEX/COUNT`, INDEX from 1):
/// a scenario belongs to the part a stable hash of its document's path in the source folder and
/// its name picks, so every scenario is in exactly one part, the same on every machine and run.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public bool Includes(string relativePath, string scenario) => PartOf(relativePath, scenario, Count) == Index;

    /// <summary>The part, from 1, that a scenario belongs to among <paramref name="count"/>.</summary>
    public static int PartOf(string relativePath, string scenario, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath.Replace('\\', '/') + "\n" + scenario));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Reads INDEX/COUNT with 1 &lt;= INDEX &lt;= COUNT; null when the text is not one.</summary>
    public static Shard? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index < 1 || index > count)
            return null;
        return new Shard(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
