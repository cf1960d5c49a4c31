using System.Globalization;
using System.Text.Json;
using Errata.Machine;
using Errata.Machine.Events;
using Errata.Machine.Rules;

namespace Errata.Site.Verification.Cache;

/// <summary>
/// An outcome as a cache entry holds it: how the run ended, every event with its rule, fate
/// and frame, and the states with the memory their claims read. Never a trace: traced runs
/// are not cached.
/// </summary>
public static class OutcomeJson
{
    public static void Write(Utf8JsonWriter w, RecordedOutcome recorded)
    {
        var o = recorded.Outcome;
        w.WriteStartObject();
        w.WriteString("profile", o.Profile);
        w.WriteString("end", o.End.ToString());
        w.WriteNumber("instructions", o.Instructions);
        if (o.StopReason is { } reason) w.WriteString("stopReason", reason);
        if (o.StopRip is { } rip) w.WriteNumber("stopRip", rip);
        w.WritePropertyName("final");
        State(w, recorded.Final);
        w.WriteStartArray("events");
        for (var i = 0; i < o.Events.Count; i++) Event(w, o.Events[i], recorded.AtDelivery[i]);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The outcome an entry holds; a missing or mistyped member throws, and the caller treats the entry as corrupt.</summary>
    public static Outcome Read(JsonElement e)
    {
        var events = e.GetProperty("events").EnumerateArray().Select(ReadEvent).ToList();
        return new Outcome(
            e.GetProperty("profile").GetString()!,
            Enum.Parse<RunEnd>(e.GetProperty("end").GetString()!),
            e.GetProperty("instructions").GetInt64(),
            events,
            ReadState(e.GetProperty("final")),
            [])
        {
            StopReason = e.TryGetProperty("stopReason", out var r) ? r.GetString() : null,
            StopRip = e.TryGetProperty("stopRip", out var rip) ? rip.GetUInt64() : null,
        };
    }

    private static void Event(Utf8JsonWriter w, MachineEvent e, RecordedState? atDelivery)
    {
        w.WriteStartObject();
        w.WriteNumber("sequence", e.Sequence);
        w.WriteString("class", e.Id.Class.ToString());
        w.WriteNumber("number", e.Id.Number);
        w.WriteString("cause", e.Cause);
        w.WriteString("disposition", e.Disposition.ToString());
        w.WriteNumber("rip", e.Rip);
        if (e.DeliveredBefore is { } before) w.WriteNumber("deliveredBefore", before);
        w.WritePropertyName("rule");
        Rule(w, e.Rule);
        if (atDelivery is not null)
        {
            w.WritePropertyName("atDelivery");
            State(w, atDelivery);
        }
        w.WriteNumber("afterInstruction", e.AfterInstruction);
        w.WriteBoolean("inGuest", e.InGuest);
        if (e.DeliveryOrder is { } order) w.WriteNumber("deliveryOrder", order);
        if (e.Frame is { } f)
        {
            w.WriteStartObject("frame");
            w.WriteNumber("rip", f.Rip);
            w.WriteNumber("cs", f.Cs);
            w.WriteNumber("rflags", f.Rflags);
            w.WriteNumber("rsp", f.Rsp);
            w.WriteNumber("ss", f.Ss);
            if (f.Error is { } error) w.WriteNumber("error", error);
            w.WriteEndObject();
        }
        w.WriteStartArray("heldBy");
        foreach (var rule in e.HeldBy) Rule(w, rule);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static MachineEvent ReadEvent(JsonElement e) =>
        new(e.GetProperty("sequence").GetInt32(),
            new EventId(Enum.Parse<EventClass>(e.GetProperty("class").GetString()!), e.GetProperty("number").GetInt32()),
            e.GetProperty("cause").GetString()!,
            Enum.Parse<Disposition>(e.GetProperty("disposition").GetString()!),
            e.GetProperty("rip").GetUInt64(),
            e.TryGetProperty("deliveredBefore", out var before) ? before.GetUInt64() : null,
            ReadRule(e.GetProperty("rule")),
            e.TryGetProperty("atDelivery", out var state) ? ReadState(state) : null,
            e.GetProperty("afterInstruction").GetInt64(),
            e.GetProperty("inGuest").GetBoolean())
        {
            DeliveryOrder = e.TryGetProperty("deliveryOrder", out var order) ? order.GetInt32() : null,
            Frame = e.TryGetProperty("frame", out var f)
                ? new InterruptFrame(f.GetProperty("rip").GetUInt64(), f.GetProperty("cs").GetUInt64(), f.GetProperty("rflags").GetUInt64(),
                    f.GetProperty("rsp").GetUInt64(), f.GetProperty("ss").GetUInt64(), f.TryGetProperty("error", out var error) ? error.GetUInt32() : null)
                : null,
            HeldBy = e.GetProperty("heldBy").EnumerateArray().Select(ReadRule).ToArray(),
        };

    private static void Rule(Utf8JsonWriter w, Rule rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("statement", rule.Statement);
        w.WriteString("source", rule.Source);
        w.WriteEndObject();
    }

    private static Rule ReadRule(JsonElement e) =>
        new(e.GetProperty("id").GetString()!, e.GetProperty("statement").GetString()!, e.GetProperty("source").GetString()!);

    /// <summary>Fields in the machine's order, and memory by hexadecimal address (null: outside the scenario's memory).</summary>
    private static void State(Utf8JsonWriter w, RecordedState state)
    {
        w.WriteStartObject();
        w.WriteStartObject("fields");
        foreach (var (name, value) in RecordedState.Fields(state.State)) w.WriteNumber(name, value);
        w.WriteEndObject();
        w.WriteStartObject("memory");
        foreach (var (address, value) in state.Reads.OrderBy(r => r.Key))
        {
            if (value is { } v) w.WriteNumber(address.ToString("x", CultureInfo.InvariantCulture), v);
            else w.WriteNull(address.ToString("x", CultureInfo.InvariantCulture));
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static MachineState ReadState(JsonElement e)
    {
        var fields = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var p in e.GetProperty("fields").EnumerateObject()) fields[p.Name] = p.Value.GetUInt64();
        var reads = new Dictionary<ulong, ulong?>();
        foreach (var p in e.GetProperty("memory").EnumerateObject())
            reads[ulong.Parse(p.Name, NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetUInt64();
        return RecordedState.Replay(fields, reads);
    }
}
