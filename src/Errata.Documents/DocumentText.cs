using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Errata.Diagnostics;
using Errata.Documents.Diagnostics;

namespace Errata.Documents;

/// <summary>
/// Reads a document's bytes as UTF-8. Bytes that are not UTF-8 still read (as U+FFFD, so the
/// page renders) but are reported at the first of them, not replaced silently.
/// </summary>
public static class DocumentText
{
    /// <summary>Reads <paramref name="file"/>; diagnostics name it <paramref name="path"/>. Throws what File.ReadAllBytes throws.</summary>
    public static string Read(string file, string path, ICollection<Diagnostic> into) =>
        Decode(File.ReadAllBytes(file), path, into);

    public static string Decode(ReadOnlySpan<byte> bytes, string path, ICollection<Diagnostic> into)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        if (FirstInvalid(bytes) is { } at)
            into.Add(DocumentErrors.InvalidUtf8.At(SpanOf(bytes, at, path), bytes[at]));
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The offset of the first byte that does not start or continue a valid UTF-8 sequence.</summary>
    private static int? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        var buffer = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var offset = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
                offset += read;
                if (status != OperationStatus.DestinationTooSmall) return offset;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Line and column (in characters, as every span counts them) of the byte at <paramref name="at"/>.</summary>
    private static SourceSpan SpanOf(ReadOnlySpan<byte> bytes, int at, string path)
    {
        var before = bytes[..at];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new SourceSpan(path, before.Count((byte)'\n'), Encoding.UTF8.GetCharCount(before[lineStart..]), 1);
    }
}
