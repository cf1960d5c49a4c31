using System.Text;

namespace Errata.Site.Serving;

/// <summary>
/// Reads the path of a request line strictly: every <c>%</c> must be two hex digits, the bytes
/// must be UTF-8, and no control character, backslash or <c>.</c>/<c>..</c> segment may appear.
/// A path that fails is a bad request (400), never a file looked up after a guess.
/// </summary>
public static class RequestPath
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded path of a raw request target such as <c>/guide/a%20b.html?x=1</c>, or null when it is malformed.</summary>
    public static string? Parse(string? rawTarget)
    {
        if (rawTarget is null) return null;
        var end = rawTarget.AsSpan().IndexOfAny('?', '#');
        var raw = end < 0 ? rawTarget : rawTarget[..end];
        if (!raw.StartsWith('/')) return null;
        if (Decode(raw) is not { } path) return null;
        if (path.Any(c => char.IsControl(c) || c == '\\')) return null;
        return path.Split('/').Any(segment => segment is "." or "..") ? null : path;
    }

    private static string? Decode(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2])) return null;
                bytes.Add(Convert.ToByte(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c > 0x7f)
            {
                return null; // a request line is ASCII; anything else arrives percent-encoded
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
