using System.Globalization;

namespace Errata.Machine.Events;

/// <summary>
/// The names assertions use for events, both ways: #DB and the other vector mnemonics
/// (APM Vol. 2 8.2), nmi, smi, init, intr N, and vmexit NAME with the APM's exit-code
/// names (Appendix C, VMEXIT_*), lower case and without the prefix.
/// </summary>
public static class EventNames
{
    private static readonly Dictionary<int, string> Vectors = new()
    {
        [0] = "#DE", [1] = "#DB", [3] = "#BP", [4] = "#OF", [5] = "#BR", [6] = "#UD", [7] = "#NM",
        [8] = "#DF", [10] = "#TS", [11] = "#NP", [12] = "#SS", [13] = "#GP", [14] = "#PF",
        [16] = "#MF", [17] = "#AC", [18] = "#MC", [19] = "#XM", [20] = "#VE", [21] = "#CP",
        [28] = "#HV", [29] = "#VC", [30] = "#SX",
    };

    private static readonly Dictionary<string, int> VectorByName =
        Vectors.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>APM Appendix C exit codes that scenarios name.</summary>
    private static readonly Dictionary<int, string> Exits = BuildExits();

    private static readonly Dictionary<string, int> ExitByName =
        Exits.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<int, string> BuildExits()
    {
        var d = new Dictionary<int, string>();
        for (var n = 0; n < 16; n++)
        {
            d[0x00 + n] = $"cr{n}_read";
            d[0x10 + n] = $"cr{n}_write";
            d[0x20 + n] = $"dr{n}_read";
            d[0x30 + n] = $"dr{n}_write";
        }
        for (var v = 0; v < 32; v++) d[0x40 + v] = $"excp{v}";
        d[0x60] = "intr"; d[0x61] = "nmi"; d[0x62] = "smi"; d[0x63] = "init"; d[0x64] = "vintr";
        d[0x72] = "cpuid"; d[0x75] = "int"; d[0x77] = "pause"; d[0x78] = "hlt";
        d[0x7B] = "ioio"; d[0x7C] = "msr"; d[0x7F] = "shutdown";
        d[0x80] = "vmrun"; d[0x81] = "vmmcall"; d[0x82] = "vmload"; d[0x83] = "vmsave";
        d[0x84] = "stgi"; d[0x85] = "clgi"; d[0x86] = "skinit"; d[0x87] = "rdtscp"; d[0x88] = "icebp";
        d[-1] = "invalid";
        return d;
    }

    public static string Format(EventId id) => id.Class switch
    {
        EventClass.Exception => Vectors.TryGetValue(id.Number, out var n) ? n : $"#{id.Number}",
        EventClass.Nmi => "nmi",
        EventClass.Smi => "smi",
        EventClass.Init => "init",
        EventClass.Intr => "intr 0x" + id.Number.ToString("x2", CultureInfo.InvariantCulture),
        EventClass.VmExit => "vmexit " + (Exits.TryGetValue(id.Number, out var e) ? e : "0x" + id.Number.ToString("x", CultureInfo.InvariantCulture)),
        _ => id.Class.ToString(),
    };

    /// <summary>Parses an event as assertions write it; whitespace between words is free.</summary>
    public static bool TryParse(string text, out EventId id)
    {
        id = default;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        var head = words[0].ToLowerInvariant();
        switch (head)
        {
            case "nmi" when words.Length == 1: id = EventId.Nmi; return true;
            case "smi" when words.Length == 1: id = EventId.Smi; return true;
            case "init" when words.Length == 1: id = EventId.Init; return true;
            case "intr" when words.Length == 2 && TryNumber(words[1], out var v) && v is >= 0 and <= 255:
                id = EventId.Intr(v); return true;
            case "vmexit" when words.Length == 2:
                if (ExitByName.TryGetValue(words[1], out var code)) { id = EventId.VmExit(code); return true; }
                if (VectorByName.TryGetValue(words[1], out var vec)) { id = EventId.VmExit(0x40 + vec); return true; }
                if (TryNumber(words[1], out var raw)) { id = EventId.VmExit(raw); return true; }
                return false;
        }
        if (words.Length == 1 && VectorByName.TryGetValue(words[0], out var vector))
        {
            id = EventId.Exception(vector);
            return true;
        }
        return false;
    }

    /// <summary>Every event name a document may write, for error messages.</summary>
    public static IEnumerable<string> Known =>
        Vectors.Values.Concat(["nmi", "smi", "init", "intr N", "vmexit NAME"]);

    private static bool TryNumber(string s, out int value)
    {
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return int.TryParse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
        if (s.EndsWith('h') || s.EndsWith('H'))
            return int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
