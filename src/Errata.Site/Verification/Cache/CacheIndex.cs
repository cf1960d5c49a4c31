using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Errata.Machine;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// The verdict cache's one file, .errata/cache/outcomes.json: every entry under the hash of its
/// key, each holding its whole key, a checksum of its outcome and the outcome; and, for each
/// scenario and profile, the hash of the key it last ran with. One file, read once, in place of
/// an entry file a run: a warm check of a large site would otherwise spend its time opening files.
/// </summary>
internal sealed class CacheIndex
{
    /// <summary>The layout of the file and its entries; a new layout makes every old entry a miss.</summary>
    public const string Format = "errata-outcomes/2";

    public const string FileName = "outcomes.json";

    private static readonly CacheIndex Empty = new(null, new Dictionary<string, JsonElement>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), null);

    private readonly JsonDocument? _document;
    private readonly Dictionary<string, JsonElement> _entries;
    private readonly Dictionary<string, string> _last;

    private CacheIndex(JsonDocument? document, Dictionary<string, JsonElement> entries, Dictionary<string, string> last, string? problem) =>
        (_document, _entries, _last, Problem) = (document, entries, last, problem);

    /// <summary>What was wrong with the whole file (null when it was sound or absent): every entry it held is a miss.</summary>
    public string? Problem { get; }

    /// <summary>The file as it is now; a missing file is an empty index, a damaged one an empty index that says why.</summary>
    public static CacheIndex Load(string path)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return Empty;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CacheIndex(null, Empty._entries, Empty._last, "the cache file cannot be read, rewritten");
        }
        JsonDocument? doc = null;
        try
        {
            doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                doc.Dispose();
                return new CacheIndex(null, Empty._entries, Empty._last, "the cache file is of another format, rewritten");
            }
            var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var e in root.GetProperty("entries").EnumerateObject()) entries[e.Name] = e.Value;
            var last = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var l in root.GetProperty("last").EnumerateObject()) last[l.Name] = l.Value.GetString()!;
            return new CacheIndex(doc, entries, last, null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            doc?.Dispose();
            return new CacheIndex(null, Empty._entries, Empty._last, "the cache file is corrupt or cut short, rewritten");
        }
    }

    /// <summary>The entry's outcome, or null and what was wrong with it (null when there is none).</summary>
    public (Outcome? Outcome, string? Problem) Find(CacheKey key, string hash, string profile)
    {
        if (!_entries.TryGetValue(hash, out var entry)) return (null, Problem);
        try
        {
            if (ReadKey(entry.GetProperty("key")) != key) return (null, "the entry is for other inputs, rewritten");
            var outcome = entry.GetProperty("outcome");
            if (!CacheKey.HashOf(JsonMarshal.GetRawUtf8Value(outcome)).Equals(entry.GetProperty("checksum").GetString(), StringComparison.Ordinal))
                return (null, "the entry's checksum does not match, rewritten");
            var read = OutcomeJson.Read(outcome);
            return read.Profile == profile ? (read, null) : (null, "the entry is for another profile, rewritten");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return (null, "the entry is corrupt, rewritten");
        }
    }

    /// <summary>The key this scenario and profile last ran with, when its entry is still readable.</summary>
    public CacheKey? Last(string identity)
    {
        if (!_last.TryGetValue(identity, out var hash) || !_entries.TryGetValue(hash, out var entry)) return null;
        try
        {
            return ReadKey(entry.GetProperty("key"));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>One entry as the file holds it: its whole key, the outcome's checksum and the outcome.</summary>
    public static string Entry(CacheKey key, RecordedOutcome recorded)
    {
        var outcome = Json(w => OutcomeJson.Write(w, recorded));
        return Json(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("key");
            WriteKey(w, key);
            w.WriteString("checksum", CacheKey.HashOf(outcome));
            w.WritePropertyName("outcome");
            w.WriteRawValue(outcome, skipInputValidation: true);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Writes the file again: what it holds now (another process may have written since it was
    /// read) with <paramref name="entries"/> and <paramref name="last"/> over it, in the order of
    /// their names, so that the same cache is the same bytes. Entries are copied as written, never
    /// re-encoded, so their checksums still hold; a damaged file is replaced whole.
    /// </summary>
    public static void Save(string path, IReadOnlyDictionary<string, string> entries, IReadOnlyDictionary<string, string> last)
    {
        var current = Load(path);
        try
        {
            var allEntries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (hash, entry) in current._entries) allEntries[hash] = entry.GetRawText();
            foreach (var (hash, entry) in entries) allEntries[hash] = entry;
            var allLast = new SortedDictionary<string, string>(current._last, StringComparer.Ordinal);
            foreach (var (identity, hash) in last) allLast[identity] = hash;
            AtomicFile.Write(path, Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("format", Format);
                w.WriteStartObject("entries");
                foreach (var (hash, entry) in allEntries)
                {
                    w.WritePropertyName(hash);
                    w.WriteRawValue(entry, skipInputValidation: true);
                }
                w.WriteEndObject();
                w.WriteStartObject("last");
                foreach (var (identity, hash) in allLast) w.WriteString(identity, hash);
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
        finally
        {
            current._document?.Dispose();
        }
    }

    private static void WriteKey(Utf8JsonWriter w, CacheKey key)
    {
        w.WriteStartObject();
        w.WriteString("scenario", key.Scenario);
        w.WriteString("assembler", key.Assembler);
        w.WriteString("rules", key.Rules);
        w.WriteString("machine", key.Machine);
        w.WriteString("tool", key.Tool);
        w.WriteEndObject();
    }

    private static CacheKey ReadKey(JsonElement e) => new(
        e.GetProperty("scenario").GetString()!, e.GetProperty("assembler").GetString()!, e.GetProperty("rules").GetString()!,
        e.GetProperty("machine").GetString()!, e.GetProperty("tool").GetString()!);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
