using System.Collections.Concurrent;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Profiles;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// Outcomes of earlier runs, in .errata/cache beside the config (never in the output folder):
/// one entry a (scenario, profile) in the cache's one file (<see cref="CacheIndex"/>) under the
/// hash of its <see cref="CacheKey"/>, holding the key and a checksum of the outcome, so an entry
/// that is corrupt, cut short or for other inputs is run again and rewritten, never trusted. A
/// run that timed out is not an outcome and is never kept. Claims are judged afresh from every
/// outcome, cached or not.
/// </summary>
public sealed class VerdictCache
{
    private readonly string? _folder;
    private readonly string? _machine;
    private readonly string? _tool;
    private readonly string? _assembler;
    private readonly ConcurrentQueue<CachedRun> _log = new();
    private readonly ConcurrentQueue<(CacheKey Key, string Hash, string Identity, RecordedOutcome Recorded)> _fresh = new();
    private readonly ConcurrentDictionary<string, string> _reused = new(StringComparer.Ordinal);
    // The file as read, with its stamp from just before: a later verification (`serve`) takes it while the file is unchanged.
    private Lazy<(FileStamp? Stamp, CacheIndex Index)> _index;

    private VerdictCache(string? folder, string? machine = null, string? tool = null, string? assembler = null, VerdictCache? previous = null)
    {
        (_folder, _machine, _tool, _assembler) = (folder, machine, tool, assembler);
        _index = previous is not null && previous._folder == folder && (previous._machine, previous._tool, previous._assembler) == (machine, tool, assembler)
            && previous._index is { IsValueCreated: true } read && folder is not null && read.Value.Stamp == FileStamp.Of(FileOf(folder))
            ? read
            : Reader();
    }

    /// <summary>
    /// The cache of the site whose config is in <paramref name="siteRoot"/>. The machine's and
    /// the assembler's identities and the tool's version are this build's; a test may give
    /// others, as another build would have.
    /// </summary>
    /// <param name="previous">The cache the previous rebuild of the same site verified with (`serve`): its file, as it read it, is taken when unchanged since.</param>
    public static VerdictCache Open(string siteRoot, string? machine = null, string? tool = null, string? assembler = null, VerdictCache? previous = null) =>
        new(FolderOf(siteRoot), machine, tool, assembler, previous);

    /// <summary>A cache that runs everything and reads and writes nothing (`--no-cache`), still saying so under `--verbose`.</summary>
    public static VerdictCache Off() => new(null);

    public static string FolderOf(string siteRoot) => Path.Combine(siteRoot, ".errata", "cache");

    /// <summary>The file that holds every entry, in <paramref name="folder"/>.</summary>
    public static string FileOf(string folder) => Path.Combine(folder, CacheIndex.FileName);

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
        var key = CacheKey.For(scenario, profile, _machine, _tool, _assembler);
        var identity = CacheKey.HashOf($"{scenario.Syntax.Span.Path}\n{scenario.Syntax.Name}\n{profile.Name}");
        var index = _index.Value.Index;
        var last = index.Last(identity);
        var hash = key.Hash;
        var (cached, problem) = index.Find(key, hash, profile.Name);
        if (cached is not null)
        {
            if (last != key) _reused[identity] = hash;
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
        // Written at Save, after judging, when the claims have read the memory the entry must keep.
        _fresh.Enqueue((key, hash, identity, recorded));
        return recorded.Outcome;
    }

    /// <summary>
    /// Writes the entries of this verification's fresh runs, and which key each scenario last ran
    /// with; nothing when every outcome was reused as it last was. A cache that cannot be written
    /// only costs the next run its reuse.
    /// </summary>
    public void Save()
    {
        if (_folder is null || (_fresh.IsEmpty && _reused.IsEmpty)) return;
        var fresh = new List<(CacheKey Key, string Hash, string Identity, RecordedOutcome Recorded)>();
        while (_fresh.TryDequeue(out var run)) fresh.Add(run);
        var last = new Dictionary<string, string>(_reused, StringComparer.Ordinal);
        _reused.Clear();
        var entries = new string[fresh.Count];
        Parallel.For(0, fresh.Count, i => entries[i] = CacheIndex.Entry(fresh[i].Key, fresh[i].Recorded));
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fresh.Count; i++)
        {
            byHash[fresh[i].Hash] = entries[i];
            last[fresh[i].Identity] = fresh[i].Hash;
        }
        try
        {
            CacheIndex.Save(FileOf(_folder), byHash, last);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to report: the verdicts do not depend on it.
        }
        // What this verification wrote is read back by the next that asks (`check --mutate`).
        _index = Reader();
    }

    private Lazy<(FileStamp?, CacheIndex)> Reader() =>
        new(() => (FileStamp.Of(FileOf(_folder!)), CacheIndex.Load(FileOf(_folder!))), LazyThreadSafetyMode.ExecutionAndPublication);

    private void Note(CompiledScenario scenario, Profile profile, string? reason) =>
        _log.Enqueue(new CachedRun(scenario.Syntax.Name, scenario.Syntax.Span, profile.Name, reason));
}
