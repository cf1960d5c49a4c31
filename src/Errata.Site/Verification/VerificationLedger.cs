using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification;

/// <summary>
/// Remembers when each (scenario text, profile, machine version) was first verified, in
/// verified.json beside the config, a file the site's repository commits so that a build
/// from a fresh clone shows the same dates. Pages show that date, so two builds of the same
/// input are byte-identical and the date moves only when the claim's inputs change. Only
/// runs whose claims all hold are dated; a build keeps the entries its pages showed.
/// </summary>
public sealed class VerificationLedger
{
    /// <summary>The ledger's file name, in the folder of site.config.json.</summary>
    public const string FileName = "verified.json";

    /// <summary>Where earlier versions kept it, read when the file is not there yet so its dates carry over.</summary>
    private static readonly string Former = Path.Combine(".errata", "verified.json");

    private readonly string _file;
    // The dates this build showed: those read, and today for a run first verified now.
    private readonly SortedDictionary<string, string> _used = new(StringComparer.Ordinal);
    private readonly string _today;
    // The file as read, and which file and when: a later rebuild reuses it while the file is unchanged.
    private readonly IReadOnlyDictionary<string, string> _read;
    private readonly string _readFrom;
    private readonly FileStamp? _stamp;

    private VerificationLedger(string file, IReadOnlyDictionary<string, string> read, string readFrom, FileStamp? stamp, string today)
    {
        _file = file;
        _read = read;
        _readFrom = readFrom;
        _stamp = stamp;
        _today = today;
    }

    /// <param name="previous">
    /// The ledger the previous rebuild of the same site opened (`serve`): when the file it read
    /// is unchanged, its entries as read are taken instead of reading the file again.
    /// </param>
    public static VerificationLedger Open(string siteRoot, TimeProvider clock, VerificationLedger? previous = null)
    {
        var file = Path.Combine(siteRoot, FileName);
        var read = File.Exists(file) ? file : Path.Combine(siteRoot, Former);
        var today = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var stamp = FileStamp.Of(read);
        if (previous is not null && previous._file == file && previous._readFrom == read && previous._stamp == stamp)
            return new VerificationLedger(file, previous._read, read, stamp, today);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stamp is not null)
        {
            try
            {
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(read)) ?? [])
                    entries[k] = v;
            }
            catch (JsonException)
            {
                // A damaged ledger only costs the dates: they restart from today.
            }
        }
        return new VerificationLedger(file, entries, read, stamp, today);
    }

    public static string Key(ScenarioResult result, string profile, string machineVersion)
    {
        var text = string.Join('\n', result.Scenario.Syntax.SourceText) + "\n" + profile + "\n" + machineVersion;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The date a scenario's run on a profile was first verified, by this machine build (or by the backend that ran it).</summary>
    public string DateFor(ScenarioResult result, string profile, string machineVersion) =>
        DateFor(Key(result, profile, RunBy(result, profile) ?? machineVersion));

    /// <summary>What made a run when not the built-in machine: its verification date is its own, not the machine's.</summary>
    private static string? RunBy(ScenarioResult result, string profile) =>
        result.Runs.FirstOrDefault(r => r.Profile.Name == profile)?.Outcome.Provenance?.ToString();

    /// <summary>The date the run was first verified; a new one is recorded as today.</summary>
    public string DateFor(string key)
    {
        // Pages render in parallel.
        lock (_used)
        {
            var date = _read.TryGetValue(key, out var read) ? read : _today;
            _used[key] = date;
            return date;
        }
    }

    /// <summary>
    /// Writes the dates this build showed, and only those: a scenario changed or removed, or a
    /// run that no longer holds, leaves no entry behind, so the committed file stays the site's.
    /// </summary>
    public void Save()
    {
        var text = JsonSerializer.Serialize(_used, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        // Unchanged dates leave the file untouched, so a build changes no committed file needlessly.
        if (File.Exists(_file) && File.ReadAllText(_file) == text) return;
        File.WriteAllText(_file, text);
    }
}
