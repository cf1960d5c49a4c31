namespace Errata.Testing.Fuzzing;

/// <summary>
/// site.config.json texts: valid ones, ones with wrong types, unknown keys, odd but
/// contained paths, and broken JSON. Every path stays inside the site's folder; the
/// output is always a folder of its own under it (see <see cref="PathGuard"/>).
/// </summary>
internal static class ConfigGenerator
{
    private static readonly string[] Sources = ["docs", "docs/", "./docs", "docs/./", "missing", "docs/sub/../", "docs\\", ""];
    private static readonly string[] Outputs = ["_site", "out/site", "./_site", "_site/", "docs/_out", "a b", "_sïte"];
    private static readonly string[] Templates = ["templates", "./templates/", "missing-theme", "docs"];

    public static string Text(FuzzRandom r)
    {
        var entries = new List<string>();
        // Most configurations are valid, so the build goes on to the documents; the rest have one fault or more.
        var fault = r.Chance(0.25) ? 0.1 : 0.0;
        void Add(string key, string value) { if (r.Chance(0.9)) entries.Add($"\"{key}\": {value}"); }

        Add("title", !r.Chance(fault) ? Quote(InlineText.Words(r, 4)) : WrongType(r));
        Add("source", !r.Chance(fault) ? Quote(!r.Chance(fault) ? "docs" : r.Pick(Sources)) : WrongType(r));
        entries.Add($"\"output\": {Quote(r.Pick(Outputs))}");
        Add("templates", !r.Chance(fault) ? Quote(!r.Chance(fault) ? "templates" : r.Pick(Templates)) : WrongType(r));
        Add("defaultProfiles", !r.Chance(fault) ? Profiles(r, fault) : WrongType(r));
        Add("reference", !r.Chance(fault) ? Quote(r.Pick<string>(fault > 0 ? ["apm", "kvm", "kvm-novgif", "nosuch", ""] : ["apm", "kvm", "kvm-novgif"])) : WrongType(r));
        Add("baseUrl", !r.Chance(fault) ? Quote(r.Pick<string>(["/", "/errata", "https://example.com/x/", "", "\"><script>"])) : WrongType(r));
        Add("allowRaw", !r.Chance(fault) ? r.Pick<string>(["true", "false"]) : WrongType(r));
        if (r.Chance(fault / 2)) entries.Add($"\"{r.Pick<string>(["nosuch", "Title", "", "output "])}\": 1");
        if (r.Chance(0.5)) Shuffle(r, entries);
        var text = "{\n  " + string.Join(",\n  ", entries) + "\n}\n";
        return (fault > 0 ? r.Next(20) : 4 + r.Next(16)) switch
        {
            0 => text.Replace("\n", "\r\n"),
            1 => "// comment\n" + text + (r.Chance(0.5) ? "trailing" : ""),
            2 => text[..r.Next(text.Length)],
            3 => r.Pick<string>(["", "[]", "null", "{", "{\"title\": }", "\ufeff{}", "{\"title\": \"a\",}", "{} {}", "{\"output\": \"_site\", \"output\": \"_site2\"}"]),
            _ => text,
        };
    }

    private static string Profiles(FuzzRandom r, double fault)
    {
        var names = Enumerable.Range(0, r.Between(fault > 0 ? 0 : 1, 3)).Select(_ => Quote(r.Pick<string>(fault > 0 ? ["apm", "kvm", "kvm-novgif", "nosuch", ""] : ["apm", "kvm", "kvm-novgif"]))).Distinct();
        return "[" + string.Join(", ", names) + "]";
    }

    private static string WrongType(FuzzRandom r) =>
        r.Pick<string>(["1", "true", "null", "[]", "{}", "[\"a\", 2]", "\"apm\"", "1e400", "{\"nested\": {\"deep\": [1, [2, [3]]]}}"]);

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static void Shuffle(FuzzRandom r, List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
