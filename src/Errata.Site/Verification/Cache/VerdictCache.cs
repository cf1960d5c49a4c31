using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// Outcomes of earlier runs, in .errata/cache beside the config (never in the output folder):
/// one entry a (scenario, profile) under the hash of its <see cref="CacheKey"/>, holding the key
/// and a checksum of the outcome, so an entry that is corrupt, cut short or for other inputs is
/// run again and rewritten, never trusted. A run that timed out is not an outcome and is never
/// kept. Claims are judged afresh from every outcome, cached or not.
/// </summary>
public sealed class VerdictCache
{
    private readonly string? _folder;
    private readonly string? _machine;
    private readonly string? _tool;
    private readonly ConcurrentQueue<CachedRun> _log = new();
    private readonly ConcurrentQueue<Action> _writes = new();

    private VerdictCache(string? folder, string? machine = null, string? tool = null) => (_folder, _machine, _tool) = (folder, machine, tool);

    /// <summary>
    /// The cache of the site whose config is in <paramref name="siteRoot"/>. The machine's
    /// identity and the tool's version are this build's; a test may give others, as another
    /// build would have.
    /// </summary>
    public static VerdictCache Open(string siteRoot, string? machine = null, string? tool = null) => new(FolderOf(siteRoot), machine, tool);

    /// <summary>A cache that runs everything and reads and writes nothing (`--no-cache`), still saying so under `--verbose`.</summary>
    public static VerdictCache Off() => new(null);

    public static string FolderOf(string siteRoot) => Path.Combine(siteRoot, ".errata", "cache");

    /// <summary>Where each run's outcome came from, in document order (a scenario's profiles in the order they ran).</summary>
    public IReadOnlyList<CachedRun> Log => _log.OrderBy(r => r.Span.Path, StringComparer.Ordinal).ThenBy(r => r.Span.Line).ThenBy(r => r.Span.Column).ToList();

    /// <summary>The source to give <see cref="ScenarioRunner"/>: an entry when one holds for the key, else the machine.</summary>
    public Outcome Outcome(CompiledScenario scenario, Profile profile, RunOptions? options)
    {
        if (_folder is null || options?.Trace == true)
        {
            Note(scenario, profile, _folder is null ? "the cache is off (--no-cache)" : "traced runs are not cached");
            return ScenarioRunner.RunMachine(scenario, profile, options);
        }
        var key = CacheKey.For(scenario, profile, _machine, _tool);
        var identity = CacheKey.HashOf($"{scenario.Syntax.Span.Path}\n{scenario.Syntax.Name}\n{profile.Name}");
        var last = ReadLast(identity);
        var (cached, problem) = ReadEntry(key, profile);
        if (cached is not null)
        {
            if (last != key) _writes.Enqueue(() => WriteLast(identity, key));
            Note(scenario, profile, null);
            return cached;
        }
        var reason = problem ?? (last is not null && key.ChangesFrom(last) is { Count: > 0 } changes ? string.Join(", ", changes) : "no entry");
        var recorded = RecordedOutcome.Of(ScenarioRunner.RunMachine(scenario, profile, options));
        if (recorded.Outcome.End == RunEnd.TimedOut)
        {
            Note(scenario, profile, reason + "; it timed out, so it is not kept");
            return recorded.Outcome;
        }
        Note(scenario, profile, reason);
        // Written after judging, when the claims have read the memory the entry must keep.
        _writes.Enqueue(() =>
        {
            WriteEntry(key, recorded);
            WriteLast(identity, key);
        });
        return recorded.Outcome;
    }

    /// <summary>Writes the entries of this verification's fresh runs. A cache that cannot be written only costs the next run its reuse.</summary>
    public void Save()
    {
        while (_writes.TryDequeue(out var write))
        {
            try
            {
                write();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing to report: the verdicts do not depend on it.
            }
        }
    }

    private void Note(CompiledScenario scenario, Profile profile, string? reason) =>
        _log.Enqueue(new CachedRun(scenario.Syntax.Name, scenario.Syntax.Span, profile.Name, reason));

    private string EntryPath(CacheKey key) => Path.Combine(_folder!, "outcomes", key.Hash + ".json");

    private string LastPath(string identity) => Path.Combine(_folder!, "last", identity + ".json");

    /// <summary>The entry's outcome, or null and what was wrong with it (null when there is none).</summary>
    private (Outcome? Outcome, string? Problem) ReadEntry(CacheKey key, Profile profile)
    {
        var path = EntryPath(key);
        if (!File.Exists(path)) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != CacheKey.EntryFormat) return (null, "the entry is of another format, rewritten");
            if (ReadKey(root.GetProperty("key")) != key) return (null, "the entry is for other inputs, rewritten");
            var outcome = root.GetProperty("outcome");
            if (CacheKey.HashOf(outcome.GetRawText()) != root.GetProperty("checksum").GetString()) return (null, "the entry's checksum does not match, rewritten");
            var read = OutcomeJson.Read(outcome);
            return read.Profile == profile.Name ? (read, null) : (null, "the entry is for another profile, rewritten");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return (null, "the entry is corrupt or cut short, rewritten");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "the entry cannot be read, rewritten");
        }
    }

    private CacheKey? ReadLast(string identity)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(LastPath(identity)));
            return ReadKey(doc.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private void WriteEntry(CacheKey key, RecordedOutcome recorded)
    {
        var outcome = Json(w => OutcomeJson.Write(w, recorded));
        WriteAtomically(EntryPath(key), Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("format", CacheKey.EntryFormat);
            w.WritePropertyName("key");
            WriteKey(w, key);
            w.WriteString("checksum", CacheKey.HashOf(outcome));
            w.WritePropertyName("outcome");
            w.WriteRawValue(outcome, skipInputValidation: true);
            w.WriteEndObject();
        }));
    }

    private void WriteLast(string identity, CacheKey key) => WriteAtomically(LastPath(identity), Json(w => WriteKey(w, key)));

    private static void WriteKey(Utf8JsonWriter w, CacheKey key)
    {
        w.WriteStartObject();
        w.WriteString("scenario", key.Scenario);
        w.WriteString("image", key.Image);
        w.WriteString("rules", key.Rules);
        w.WriteString("machine", key.Machine);
        w.WriteString("tool", key.Tool);
        w.WriteEndObject();
    }

    private static CacheKey ReadKey(JsonElement e) => new(
        e.GetProperty("scenario").GetString()!, e.GetProperty("image").GetString()!, e.GetProperty("rules").GetString()!,
        e.GetProperty("machine").GetString()!, e.GetProperty("tool").GetString()!);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) write(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A temporary file of this process renamed over the entry: a reader, in this process or
    /// another, sees the old entry or the new one, never half of one. The temporary file is
    /// removed if the rename fails; nothing else is ever deleted.
    /// </summary>
    private static void WriteAtomically(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
