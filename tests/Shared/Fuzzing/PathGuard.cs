using System.Text.Json;

namespace Errata.Testing.Fuzzing;

/// <summary>
/// Keeps a (possibly mutated) configuration inside its site: every string value the
/// loader could take as a path must resolve inside the site's folder, and the output
/// strictly below it. A mutation that would point elsewhere is replaced by a safe config,
/// so no input of the campaign can make a build read or write outside its temporary folder.
/// </summary>
internal static class PathGuard
{
    /// <summary>Whether every string of <paramref name="json"/>, read as the loader reads it, stays under a site root.</summary>
    public static bool IsContained(byte[] json)
    {
        // Any absolute folder works as the stand-in root: containment is a property of the relative paths.
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "errata-fuzz-guard", "site"));
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string? key = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName) key = reader.GetString();
                else if (reader.TokenType == JsonTokenType.String && !Inside(root, reader.GetString()!, strictly: key == "output")) return false;
            }
        }
        catch (JsonException)
        {
            // The loader stops at the same byte, with what it read so far checked above.
        }
        catch (InvalidOperationException)
        {
            // A string that is not UTF-8: whether a loader skips it or stops is its choice, so the text is not vouched for.
            return false;
        }
        return true;
    }

    private static bool Inside(string root, string value, bool strictly)
    {
        if (value.IndexOfAny(['\0', ':']) >= 0 || Path.IsPathRooted(value) || value.StartsWith('~')) return false;
        string full;
        try { full = Path.GetFullPath(Path.Combine(root, value.Replace('\\', '/'))); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException) { return false; }
        if (full.TrimEnd('/') == root) return !strictly;
        return full.StartsWith(root + "/", StringComparison.Ordinal);
    }
}
