namespace Errata.Scenarios.Claims;

/// <summary>The rules of a field check: `FIELD = VALUE`, FIELD a state field, [label], [ADDRESS] or frame.FIELD.</summary>
internal sealed partial class ClaimReader
{
    /// <summary>Whether the claim is a field check: it opens with `[`, or `=` comes before any word that follows an event.</summary>
    private bool StartsFieldCheck()
    {
        if (Peek.Kind == ClaimTokenKind.Open) return true;
        for (var i = _next; i < _tokens.Count; i++)
        {
            var t = _tokens[i];
            if (t.Kind == ClaimTokenKind.Equals) return true;
            if (t.Kind == ClaimTokenKind.End || (t.Kind == ClaimTokenKind.Word && AfterEvent.Contains(t.Text))) return false;
        }
        return false;
    }

    /// <summary>
    /// field-check = field "=" value. Frame fields describe one delivery, so they are read
    /// only after `with` (<paramref name="inDelivery"/>).
    /// </summary>
    private FieldCheck Check(bool inDelivery)
    {
        var start = Peek;
        var eq = _tokens.FindIndex(_next, t => t.Kind == ClaimTokenKind.Equals);
        if (eq < 0) throw new ClaimSyntaxError("expected 'FIELD = VALUE'", start.Offset, text.Length - start.Offset);
        var field = text[start.Offset.._tokens[eq].Offset].Trim();
        var (memory, address) = start.Kind == ClaimTokenKind.Open ? Slot(eq, field) : (null, null);
        if (start.Kind != ClaimTokenKind.Open) CheckName(field, start.Offset, inDelivery);
        _next = eq + 1;
        var (value, valueLabel) = Value();
        var name = memory is { } m ? $"[{m.Name}]" : address is { } a ? $"[{Hex.Format(a)}]" : field.ToLowerInvariant();
        return new FieldCheck(name, value, memory, address, valueLabel);
    }

    /// <summary>slot = "[" (label | number) "]": a qword of memory.</summary>
    private (LabelRef? Memory, ulong? Address) Slot(int eq, string field)
    {
        var inner = _tokens[_next + 1];
        if (eq != _next + 3 || inner.Kind != ClaimTokenKind.Word || _tokens[_next + 2].Kind != ClaimTokenKind.Close)
            throw new ClaimSyntaxError($"expected [label] or [ADDRESS], found '{field}'", Peek.Offset, field.Length);
        if (Hex.TryParse(inner.Text, out var address)) return (null, address);
        if (IsName(inner.Text)) return (new LabelRef(inner.Text, inner.Offset), null);
        throw new ClaimSyntaxError($"expected [label] or [ADDRESS], found '{field}'", Peek.Offset, field.Length);
    }

    /// <summary>field = a name of the machine's state catalogue, or after `with` also frame.NAME.</summary>
    private static void CheckName(string field, int offset, bool inDelivery)
    {
        if (FieldNames.IsFrame(field))
        {
            if (!inDelivery)
                throw new ClaimSyntaxError($"'{field}' is a field of one delivery's frame; expected 'EVENT at LABEL with {field} = VALUE'", offset, field.Length);
            if (!FieldNames.IsKnown(field))
                throw new ClaimSyntaxError($"unknown frame field '{field}'; expected one of: {string.Join(", ", FieldNames.FrameFields)}", offset, field.Length);
        }
        else if (!FieldNames.IsKnown(field))
        {
            throw new ClaimSyntaxError($"unknown field '{field}'; expected a register, gif, cpl, rflags.if/tf/rf, dr6.b0-b3/bd/bs/bt, [label]{(inDelivery ? " or frame.rip/rflags/rflags.rf/error" : "")}", offset, field.Length);
        }
    }

    /// <summary>value = number | label, the rest of the claim.</summary>
    private (ulong Value, LabelRef? Label) Value()
    {
        var one = _tokens.Count - _next == 2 && Peek.Kind == ClaimTokenKind.Word;
        var (rest, offset) = Rest();
        if (one && Hex.TryParse(rest, out var value)) return (value, null);
        if (one && IsName(rest)) return (0, new LabelRef(rest, offset));
        throw new ClaimSyntaxError($"expected a number or a label after '=', found '{rest}'", offset, rest.Length);
    }
}
