using System.Text.Encodings.Web;
using System.Text.Json;
using Errata.Diagnostics;
using Errata.Site.Verification;

namespace Errata.Site.Reports;

/// <summary>
/// SARIF 2.1.0 (`check --format sarif`), as code-scanning services read it: one run of the
/// tool, a rule per diagnostic id that occurs, and a result per diagnostic (failed claims and
/// bad input alike) at its file, line and column, with the level the exit code gives it.
/// </summary>
public static class SarifReport
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string Version = "2.1.0";
    public const string ToolName = "errata";

    public static string Write(VerificationOutcome outcome)
    {
        var ids = outcome.Diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Schema);
            w.WriteString("version", Version);
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", ToolName);
            w.WriteString("version", ToolVersion.Release);
            w.WriteStartArray("rules");
            foreach (var d in ids) Rule(w, d);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var d in DiagnosticFormatter.InSourceOrder(outcome.Diagnostics)) Result(w, d, outcome.SeverityOf(d));
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteString("outcome", outcome.Word);
            w.WriteNumber("exitCode", (int)outcome.ExitCode);
            w.WriteString("summary", outcome.Summary);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>SARIF's level for a severity: error, warning or note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static void Rule(Utf8JsonWriter w, DiagnosticDescriptor d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Category.ToString());
        w.WriteStartObject("shortDescription");
        w.WriteString("text", d.MessageFormat);
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(d.Severity));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Lines and columns one-based, as SARIF and the printed diagnostics count them.</summary>
    private static void Result(Utf8JsonWriter w, Diagnostic d, Severity severity)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.Id);
        w.WriteString("level", Level(severity));
        w.WriteStartObject("message");
        w.WriteString("text", d.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", Uri(d.Span.Path));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", d.Span.Line + 1);
        w.WriteNumber("startColumn", d.Span.Column + 1);
        if (d.Span.Length > 0) w.WriteNumber("endColumn", d.Span.Column + 1 + d.Span.Length);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// The path as a URI reference with forward slashes, characters outside URIs escaped:
    /// relative to the working folder as printed (code scanning resolves it against the
    /// repository's root), or a file URI for a path outside it.
    /// </summary>
    private static string Uri(string path)
    {
        var escaped = string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
        return Path.IsPathRooted(path) ? new System.Uri(path).AbsoluteUri : escaped;
    }
}
