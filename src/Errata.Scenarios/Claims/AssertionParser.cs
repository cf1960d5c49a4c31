using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// Reads one assertion of the table in docs/guide/scenarios.md ("Expect lines"). On failure it returns the reason and
/// the offset inside the text where reading failed, so the error lands on that column.
/// </summary>
public static class AssertionParser
{
    public readonly record struct Result(Assertion? Assertion, string? Error, int ErrorOffset, int ErrorLength);

    private static Result Fail(string error, int offset, int length) => new(null, error, offset, Math.Max(1, length));

    public static Result Parse(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0) return Fail("expected an assertion after 'expect:'", 0, 1);

        if (TryEnd(t, out var end)) return new(new EndAssertion(end), null, 0, 0);

        if (t.StartsWith("no ", StringComparison.Ordinal))
        {
            if (Split(t, " at ") is { } noAt)
                return Event(t, 3, noAt.Left - 3, e => Label(t, noAt.Right, l => new NoEventAtAssertion(e, l)));
            return Event(t, 3, t.Length - 3, e => new NoEventAssertion(e));
        }

        if (t.EndsWith(" discarded", StringComparison.Ordinal))
            return Event(t, 0, t.Length - " discarded".Length, e => new DiscardedAssertion(e));

        if (Split(t, " pending until ") is { } pu)
            return Event(t, 0, pu.Left, e => Label(t, pu.Right, l => new PendingUntilAssertion(e, l)));

        if (Split(t, " count ") is { } cnt)
        {
            var n = t[cnt.Right..].Trim();
            if (!int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                return Fail($"expected a count after 'count', found '{n}'", cnt.Right, n.Length);
            return Event(t, 0, cnt.Left, e => new CountAssertion(e, count));
        }

        if (Split(t, " at ") is { } at)
        {
            var rest = t[at.Right..];
            var with = rest.IndexOf(" with ", StringComparison.Ordinal);
            var labelLength = with < 0 ? rest.Length : with;
            return Event(t, 0, at.Left, e =>
            {
                var label = t.Substring(at.Right, labelLength).Trim();
                if (!IsName(label)) return Fail($"expected a label after 'at', found '{label}'", at.Right, labelLength);
                var labelRef = new LabelRef(label, at.Right);
                if (with < 0) return new(new DeliveredAssertion(e, labelRef, null), null, 0, 0);
                var fieldStart = at.Right + with + " with ".Length;
                var check = Field(t, fieldStart, inDelivery: true);
                return check.Error is not null
                    ? check
                    : new(new DeliveredAssertion(e, labelRef, ((FinalStateAssertion)check.Assertion!).Check), null, 0, 0);
            });
        }

        if (Split(t, " before ") is { } before)
            return Event(t, 0, before.Left, a => Event(t, before.Right, t.Length - before.Right, b => new BeforeAssertion(a, b)));

        if (t.Contains('=', StringComparison.Ordinal)) return Field(t, 0, inDelivery: false);

        return Event(t, 0, t.Length, e => new DeliveredAssertion(e, null, null));
    }

    private static bool TryEnd(string t, out RunEnd end)
    {
        (end, var ok) = t switch
        {
            "halted" => (RunEnd.Halted, true),
            "stopped" => (RunEnd.Stopped, true),
            "shutdown" => (RunEnd.Shutdown, true),
            "reset" => (RunEnd.Reset, true),
            "budget exceeded" => (RunEnd.BudgetExceeded, true),
            "timed out" => (RunEnd.TimedOut, true),
            _ => (RunEnd.Halted, false),
        };
        return ok;
    }

    private static (int Left, int Right)? Split(string t, string word)
    {
        var i = t.IndexOf(word, StringComparison.Ordinal);
        return i < 0 ? null : (i, i + word.Length);
    }

    private static Result Event(string t, int start, int length, Func<EventId, Assertion> make) =>
        Event(t, start, length, e => new Result(make(e), null, 0, 0));

    private static Result Event(string t, int start, int length, Func<EventId, Result> then)
    {
        var raw = t.Substring(start, length);
        var name = raw.Trim();
        var offset = start + raw.IndexOf(name, StringComparison.Ordinal);
        if (!EventNames.TryParse(name, out var id))
            return Fail($"unknown event '{name}'; expected one of: {string.Join(", ", EventNames.Known)}", offset, name.Length);
        return then(id);
    }

    private static Result Label(string t, int start, Func<LabelRef, Assertion> make)
    {
        var label = t[start..].Trim();
        return IsName(label)
            ? new(make(new LabelRef(label, start)), null, 0, 0)
            : Fail($"expected a label, found '{label}'", start, label.Length);
    }

    /// <summary>
    /// `FIELD = VALUE`, VALUE a number or a label. Frame fields describe one delivery, so
    /// they are read only after `with` (<paramref name="inDelivery"/>).
    /// </summary>
    private static Result Field(string t, int start, bool inDelivery)
    {
        var eq = t.IndexOf('=', start);
        if (eq < 0) return Fail("expected 'FIELD = VALUE'", start, t.Length - start);
        var field = t[start..eq].Trim();
        var valueText = t[(eq + 1)..].Trim();
        var valueOffset = t.IndexOf(valueText, eq + 1, StringComparison.Ordinal);
        LabelRef? valueLabel = null;
        if (!Hex.TryParse(valueText, out var value))
        {
            if (!IsName(valueText))
                return Fail($"expected a number or a label after '=', found '{valueText}'", valueOffset, valueText.Length);
            valueLabel = new LabelRef(valueText, valueOffset);
        }
        LabelRef? memory = null;
        ulong? address = null;
        if (field.StartsWith('[') && field.EndsWith(']'))
        {
            var inner = field[1..^1].Trim();
            if (Hex.TryParse(inner, out var at)) address = at;
            else if (IsName(inner)) memory = new LabelRef(inner, t.IndexOf(inner, start, StringComparison.Ordinal));
            else return Fail($"expected [label] or [ADDRESS], found '{field}'", start, field.Length);
        }
        else if (FieldNames.IsFrame(field))
        {
            if (!inDelivery)
                return Fail($"'{field}' is a field of one delivery's frame; expected 'EVENT at LABEL with {field} = VALUE'", start, field.Length);
            if (!FieldNames.IsKnown(field))
                return Fail($"unknown frame field '{field}'; expected one of: {string.Join(", ", FieldNames.FrameFields)}", start, field.Length);
        }
        else if (!FieldNames.IsKnown(field))
        {
            return Fail($"unknown field '{field}'; expected a register, gif, rflags.if/tf/rf, dr6.b0-b3/bd/bs/bt, [label]{(inDelivery ? " or frame.rip/rflags/rflags.rf/error" : "")}", start, field.Length);
        }
        return new(new FinalStateAssertion(new FieldCheck(field.ToLowerInvariant(), value, memory, address, valueLabel)), null, 0, 0);
    }

    private static bool IsName(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] is '_' or '.') && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$' or '@');
}
