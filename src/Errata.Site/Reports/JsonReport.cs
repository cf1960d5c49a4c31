using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Errata.Diagnostics;
using Errata.Site.Verification;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Scenarios.Claims;
using Errata.Scenarios.Running;

namespace Errata.Site.Reports;

/// <summary>
/// The JSON report of `check --format json` and `run --json` (docs/guide/commands.md, "Reports of `check`"): field names are fixed, more may be added.
/// The outcome and the diagnostics come first, so bad input is never read as an empty success.
/// </summary>
public static class JsonReport
{
    public static string Write(VerificationOutcome outcome)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("outcome", outcome.Word);
            w.WriteNumber("exitCode", (int)outcome.ExitCode);
            w.WriteStartArray("diagnostics");
            foreach (var d in outcome.Diagnostics) Diagnostic(w, d, outcome.SeverityOf(d));
            w.WriteEndArray();
            w.WriteStartArray("scenarios");
            foreach (var r in outcome.Scenarios) Scenario(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Positions one-based, as the printed diagnostics show them.</summary>
    private static void Diagnostic(Utf8JsonWriter w, Diagnostic d, Severity severity)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("severity", DiagnosticFormatter.SeverityWord(severity));
        w.WriteString("file", d.Span.Path);
        w.WriteNumber("line", d.Span.Line + 1);
        w.WriteNumber("column", d.Span.Column + 1);
        w.WriteString("message", d.Message);
        w.WriteEndObject();
    }

    private static void Scenario(Utf8JsonWriter w, ScenarioResult r)
    {
        var s = r.Scenario.Syntax;
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteString("title", s.Title ?? "");
        w.WriteString("source", $"{s.Span.Path}:{s.Span.Line + 1}");
        w.WriteStartArray("results");
        foreach (var run in r.Runs) Run(w, run, r.Scenario.Assembly.Labels);
        w.WriteEndArray();
        Gaps(w, r);
        w.WriteEndObject();
    }

    /// <summary>The gap lines judged across the runs, and the differences none states, when the scenario has gap lines.</summary>
    private static void Gaps(Utf8JsonWriter w, ScenarioResult r)
    {
        if (r.Scenario.Syntax.Gaps.Count == 0) return;
        w.WriteStartArray("gaps");
        foreach (var g in r.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("text", g.Gap.Claim);
            w.WriteNumber("line", g.Gap.Span.Line + 1);
            w.WriteString("state", g.State.ToString().ToLowerInvariant());
            Profiles(w, "stated", g.Cells.Where(c => c.Stated).Select(c => c.Profile));
            Profiles(w, "holdsOn", g.Cells.Where(c => c.Holds).Select(c => c.Profile));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("newDifferences");
        foreach (var d in r.NewDifferences)
        {
            w.WriteStartObject();
            w.WriteString("subject", d.Name);
            w.WriteStartObject("fates");
            foreach (var f in d.Fates) w.WriteString(f.Profile, f.Fate);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Profiles(Utf8JsonWriter w, string name, IEnumerable<string> profiles)
    {
        w.WriteStartArray(name);
        foreach (var p in profiles) w.WriteStringValue(p);
        w.WriteEndArray();
    }

    /// <summary>The frame pushed for the handler, as the `frame.` fields of an assertion read it.</summary>
    private static void Frame(Utf8JsonWriter w, InterruptFrame frame)
    {
        w.WriteStartObject("frame");
        foreach (var field in InterruptFrame.Fields)
        {
            if (!frame.TryGet(field, out var v)) continue;
            if (field.Contains('.', StringComparison.Ordinal)) w.WriteNumber(field, v);
            else w.WriteString(field, Hex.Format(v));
        }
        w.WriteEndObject();
    }

    private static void Run(Utf8JsonWriter w, ProfileRun run, IReadOnlyDictionary<string, ulong> labels)
    {
        var o = run.Outcome;
        w.WriteStartObject();
        w.WriteString("profile", run.Profile.Name);
        w.WriteString("end", Words.End(o.End));
        if (o.StopReason is { } why) w.WriteString("stopReason", why);
        w.WriteNumber("instructions", o.Instructions);
        w.WriteStartArray("events");
        foreach (var e in o.Events)
        {
            w.WriteStartObject();
            w.WriteString("event", e.Id.Name);
            w.WriteString("cause", e.Cause);
            w.WriteString("disposition", Words.Disposition(e.Disposition));
            w.WriteString("rip", "0x" + e.Rip.ToString("x16", CultureInfo.InvariantCulture));
            var label = labels.FirstOrDefault(kv => kv.Value == e.Rip).Key;
            if (label is not null) w.WriteString("label", label);
            if (e.Id == EventId.DebugException && e.AtDelivery is { } st && st.TryGet("dr6", out var dr6))
                w.WriteString("dr6", Hex.Format(dr6));
            w.WriteBoolean("guest", e.InGuest);
            if (e.DeliveryOrder is { } order) w.WriteNumber("delivery", order);
            if (e.Frame is { } frame) Frame(w, frame);
            w.WriteString("rule", e.Rule.Source);
            w.WriteString("ruleId", e.Rule.Id);
            w.WriteString("ruleStatement", e.Rule.Statement);
            if (e.HeldBy.Count > 0)
            {
                w.WriteStartArray("heldBy");
                foreach (var r in e.HeldBy) w.WriteStringValue(r.Id);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("final");
        foreach (var name in o.Final.Names)
        {
            o.Final.TryGet(name, out var v);
            if (StateFields.Find(name)?.Shape == StateFieldShape.Bit) w.WriteNumber(name, v);
            else w.WriteString(name, Hex.Format(v));
        }
        w.WriteEndObject();
        w.WriteStartArray("claims");
        foreach (var v in run.Verdicts)
        {
            w.WriteStartObject();
            w.WriteString("text", v.Expect.Claim);
            w.WriteNumber("line", v.Expect.Span.Line + 1);
            w.WriteBoolean("holds", v.Holds);
            w.WriteString("detail", v.Holds ? "" : $"expected {v.Judgement.Expected}; observed {v.Judgement.Observed}");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
