using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Errata.Scenarios.Running;

namespace Errata.Site.Verification;

/// <summary>
/// Remembers when each (scenario text, profile, machine version) was first verified, in
/// .errata/verified.json beside the config. Pages show that date, so two builds of the
/// same input are byte-identical and the date moves only when the claim's inputs change.
/// </summary>
public sealed class VerificationLedger
{
    private readonly string _file;
    private readonly SortedDictionary<string, string> _entries;
    private readonly string _today;

    private VerificationLedger(string file, SortedDictionary<string, string> entries, string today)
    {
        _file = file;
        _entries = entries;
        _today = today;
    }

    public static VerificationLedger Open(string siteRoot, TimeProvider clock)
    {
        var file = Path.Combine(siteRoot, ".errata", "verified.json");
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            try
            {
                foreach (var (k, v) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [])
                    entries[k] = v;
            }
            catch (JsonException)
            {
                // A damaged ledger only costs the dates: they restart from today.
            }
        }
        var today = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new VerificationLedger(file, entries, today);
    }

    public static string Key(ScenarioResult result, string profile, string machineVersion)
    {
        var text = string.Join('\n', result.Scenario.Syntax.SourceText) + "\n" + profile + "\n" + machineVersion;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The date the run was first verified; a new one is recorded as today.</summary>
    public string DateFor(string key)
    {
        // Pages render in parallel.
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var date))
            {
                date = _today;
                _entries[key] = date;
            }
            return date;
        }
    }

    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.WriteAllText(_file, JsonSerializer.Serialize(_entries, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
