using System.Globalization;

namespace Errata.Qemu.Report;

/// <summary>One line of the firmware's report: its tag and its words.</summary>
internal sealed record ReportRecord(char Tag, ulong[] Words)
{
    /// <summary>Reads the console line by line; a line cut short (QEMU stopped mid-record) or garbled is left out.</summary>
    public static IEnumerable<ReportRecord> Read(string console)
    {
        foreach (var line in console.Split('\n'))
        {
            if (line.Length == 0) continue;
            var parts = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var words = new ulong[parts.Length];
            var ok = true;
            for (var i = 0; i < parts.Length && ok; i++)
                ok = parts[i].Length == 16 && ulong.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out words[i]);
            if (ok) yield return new ReportRecord(line[0], words);
        }
    }
}
