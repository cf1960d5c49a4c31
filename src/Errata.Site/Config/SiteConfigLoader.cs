using System.Text;
using System.Text.Json;
using Errata.Diagnostics;

namespace Errata.Site.Config;

/// <summary>
/// Reads site.config.json with positions, so an unknown key or a value of the wrong
/// type is reported at its line and column.
/// </summary>
public static class SiteConfigLoader
{
    /// <summary>Reads one key's value into the config, or reports it and leaves the config as it was.</summary>
    private delegate SiteConfig KeyReader(ref Utf8JsonReader reader, SiteConfig config, string key, SourceSpan span, DiagnosticBag diagnostics);

    /// <summary>
    /// Every key, with how its value is read and where it goes: the one list of keys, so a key
    /// cannot be accepted without being read, nor read into the wrong setting.
    /// </summary>
    private static readonly (string Name, KeyReader Read, ConfigValue Value, string Description)[] Keys =
    [
        ("title", Text((c, v) => c with { Title = v }), ConfigValue.String, "The site's title, in every page's header and title."),
        ("source", Text((c, v) => c with { Source = v }), ConfigValue.String, "The folder of the documents, relative to this file."),
        ("output", Text((c, v) => c with { Output = v }), ConfigValue.String, "The folder a build writes the site into, relative to this file; a build replaces it whole."),
        ("templates", Text((c, v) => c with { Templates = v }), ConfigValue.String, "A folder whose files replace the built-in theme's by path; the default folder may be absent."),
        ("defaultProfiles", (ref r, c, k, s, d) => ReadList(ref r, k, s, d) is { } list ? c with { DefaultProfiles = list } : c, ConfigValue.Profiles, "The profiles a scenario that names none runs on."),
        ("reference", Text((c, v) => c with { Reference = v }), ConfigValue.Profile, "The profile whose outcome the pages show first: the architectural reference."),
        ("baseUrl", Text((c, v) => c with { BaseUrl = v.EndsWith('/') ? v : v + "/" }), ConfigValue.String, "Where the site is published; an absolute http(s) URL gives every page its canonical link."),
        ("allowRaw", (ref r, c, k, s, d) => ReadBool(ref r, k, s, d) is { } b ? c with { AllowRaw = b } : c, ConfigValue.Boolean, "Whether RST raw directives may put HTML into pages."),
        ("runTimeout", (ref r, c, k, s, d) => ReadMilliseconds(ref r, k, s, d) is { } ms ? c with { RunTimeout = ms } : c, ConfigValue.Milliseconds, "How long one run of a scenario may take, in milliseconds."),
    ];

    /// <summary>The key editors read the schema's location from: allowed beside the settings, and no setting itself.</summary>
    public const string SchemaKey = "$schema";

    /// <summary>The keys site.config.json may hold, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> KeyNames { get; } = Keys.Select(k => k.Name).ToList();

    /// <summary>Each key with the kind of value it takes and what it does, for the JSON schema.</summary>
    public static IReadOnlyList<(string Name, ConfigValue Value, string Description)> KeyDescriptions { get; } =
        Keys.Select(k => (k.Name, k.Value, k.Description)).ToList();

    private static KeyReader Text(Func<SiteConfig, string, SiteConfig> set) =>
        (ref r, c, k, s, d) => ReadString(ref r, k, s, d) is { } v ? set(c, v) : c;

    public static SiteConfig Load(string path, string displayPath, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            diagnostics.Add(SiteErrors.MissingConfig, SourceSpan.None(displayPath), displayPath);
            return new SiteConfig();
        }
        return Parse(File.ReadAllBytes(path), displayPath, diagnostics);
    }

    /// <summary>
    /// Parses the file's bytes: UTF-8, with or without a byte-order mark; comments and trailing
    /// commas are accepted, as .NET's own JSON configuration files accept them.
    /// </summary>
    public static SiteConfig Parse(byte[] json, string path, DiagnosticBag diagnostics)
    {
        // Utf8JsonReader rejects a byte-order mark, which Windows editors write.
        if (json.AsSpan().StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
        var lines = new LineMap(json);
        var config = new SiteConfig();
        var spans = new Dictionary<string, SourceSpan>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Add(SiteErrors.InvalidJson, lines.Span(path, reader.TokenStartIndex, 1), "expected an object { ... }");
                return config;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var keySpan = lines.Span(path, reader.TokenStartIndex, key.Length + 2);
                reader.Read();
                if (!seen.TryAdd(key, keySpan))
                {
                    // Which of the two would win is a JSON reader's choice; saying so beats guessing.
                    diagnostics.Add(SiteErrors.DuplicateKey, keySpan, key, seen[key].ToString());
                    reader.Skip();
                    continue;
                }
                var valueSpan = lines.Span(path, reader.TokenStartIndex, (int)Math.Max(1, reader.ValueSpan.Length));
                if (key == SchemaKey)
                {
                    ReadString(ref reader, key, valueSpan, diagnostics);
                    continue;
                }
                var index = Array.FindIndex(Keys, k => k.Name == key);
                if (index < 0)
                {
                    var closest = ClosestName.Find(key, KeyNames);
                    diagnostics.Add(SiteErrors.UnknownKey, keySpan, key, closest is null ? "" : $" (did you mean '{closest}'?)", string.Join(", ", KeyNames));
                    reader.Skip();
                    continue;
                }
                spans[key] = valueSpan;
                config = Keys[index].Read(ref reader, config, key, valueSpan, diagnostics);
            }
        }
        catch (JsonException e)
        {
            // The reader counts bytes along the line; the diagnostic's column counts characters.
            diagnostics.Add(SiteErrors.InvalidJson, lines.AtLine(path, e.LineNumber ?? 0, e.BytePositionInLine ?? 0, 1), FirstSentence(e.Message));
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            // The reader checks a string's UTF-8 only when it is read, so invalid bytes surface here, at the string's token.
            diagnostics.Add(SiteErrors.InvalidJson, lines.Span(path, reader.TokenStartIndex, 1), "a string that is not valid UTF-8; expected UTF-8 text");
        }
        return config with { KeySpans = spans };
    }

    private static string? ReadString(ref Utf8JsonReader r, string key, SourceSpan span, DiagnosticBag d)
    {
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        d.Add(SiteErrors.WrongType, span, key, "a string", Describe(r.TokenType));
        r.Skip();
        return null;
    }

    private static bool? ReadBool(ref Utf8JsonReader r, string key, SourceSpan span, DiagnosticBag d)
    {
        if (r.TokenType is JsonTokenType.True or JsonTokenType.False) return r.GetBoolean();
        d.Add(SiteErrors.WrongType, span, key, "true or false", Describe(r.TokenType));
        r.Skip();
        return null;
    }

    private static int? ReadMilliseconds(ref Utf8JsonReader r, string key, SourceSpan span, DiagnosticBag d)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var ms) && ms is > 0 and <= SiteConfig.MaxRunTimeout) return ms;
        if (r.TokenType == JsonTokenType.Number)
            d.Add(SiteErrors.BadTimeout, span, key, SiteConfig.MaxRunTimeout);
        else
            d.Add(SiteErrors.WrongType, span, key, "a number of milliseconds", Describe(r.TokenType));
        r.Skip();
        return null;
    }

    private static List<string>? ReadList(ref Utf8JsonReader r, string key, SourceSpan span, DiagnosticBag d)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            d.Add(SiteErrors.WrongType, span, key, "a list of strings", Describe(r.TokenType));
            r.Skip();
            return null;
        }
        var list = new List<string>();
        var ok = true;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.String) list.Add(r.GetString()!);
            else
            {
                d.Add(SiteErrors.WrongType, span, key, "a list of strings", "a list holding " + Describe(r.TokenType));
                r.Skip();
                ok = false;
            }
        }
        return ok ? list : null;
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Null => "null",
        _ => t.ToString(),
    };

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message : message[..(i + 1)];
    }

    /// <summary>Byte offsets to zero-based lines and columns.</summary>
    private sealed class LineMap(byte[] bytes)
    {
        /// <summary>A position given as a line and a byte offset in it, as the JSON reader reports an error.</summary>
        public SourceSpan AtLine(string path, long line, long bytePositionInLine, int length)
        {
            long start = 0;
            for (var i = 0; i < bytes.Length && line > 0; i++)
                if (bytes[i] == (byte)'\n') { line--; start = i + 1; }
            return Span(path, start + bytePositionInLine, length);
        }

        public SourceSpan Span(string path, long offset, int length)
        {
            int line = 0, start = 0;
            for (var i = 0; i < offset && i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') { line++; start = i + 1; }
            var column = Encoding.UTF8.GetCharCount(bytes, start, (int)Math.Min(offset, bytes.Length) - start);
            return new SourceSpan(path, line, column, length);
        }
    }
}
