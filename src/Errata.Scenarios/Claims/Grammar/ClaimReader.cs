using Errata.Machine.Events;

namespace Errata.Scenarios.Claims;

/// <summary>
/// The recursive-descent reader of one claim's tokens; each method reads one rule of the
/// grammar in docs/guide/scenarios.md and throws <see cref="ClaimSyntaxError"/> where the
/// text departs from it.
/// </summary>
internal sealed partial class ClaimReader(string text)
{
    /// <summary>The words that end an event's name: what may follow an event in a claim.</summary>
    private static readonly string[] AfterEvent = ["at", "with", "discarded", "pending", "count", "before"];

    private readonly List<ClaimToken> _tokens = ClaimLexer.Tokens(text);
    private int _next;

    private ClaimToken Peek => _tokens[_next];

    private ClaimToken Take() => _tokens[_next == _tokens.Count - 1 ? _next : _next++];

    /// <summary>claim = end | "no" event ["at" label] | field-check | event-claim</summary>
    public Assertion Claim()
    {
        if (RunEndClaim() is { } end) return end;
        if (Peek.IsWord("no"))
        {
            Take();
            var id = Event("no");
            if (!Peek.IsWord("at")) return Finish(new NoEventAssertion(id));
            Take();
            return Finish(new NoEventAtAssertion(id, Label("at")));
        }
        if (StartsFieldCheck()) return Finish(new FinalStateAssertion(Check(inDelivery: false)));
        return EventClaim();
    }

    /// <summary>end = "halted" | "stopped" | "shutdown" | "reset" | "budget exceeded" | "timed out"</summary>
    private EndAssertion? RunEndClaim()
    {
        // Every end is one or two words (and the End token).
        if (_tokens.Count > 3 || _tokens.Any(t => t.Kind is not (ClaimTokenKind.Word or ClaimTokenKind.End))) return null;
        var phrase = string.Join(' ', _tokens.Where(t => t.Kind == ClaimTokenKind.Word).Select(t => t.Text));
        foreach (var end in Enum.GetValues<RunEnd>())
            if (Words.End(end) == phrase) return new EndAssertion(end);
        return null;
    }

    /// <summary>event-claim = event ( "discarded" | "pending" "until" label | "count" count | "at" label ["with" field-check] | "before" event | nothing )</summary>
    private Assertion EventClaim()
    {
        var id = Event(null);
        var word = Peek;
        if (word.Kind == ClaimTokenKind.End) return new DeliveredAssertion(id, null, null);
        if (word.Kind != ClaimTokenKind.Word || word.Text == "with" || !AfterEvent.Contains(word.Text))
            throw Expected("'at', 'discarded', 'pending until', 'count' or 'before' after the event", word);
        Take();
        return word.Text switch
        {
            "discarded" => Finish(new DiscardedAssertion(id)),
            "pending" => Finish(new PendingUntilAssertion(id, Until())),
            "count" => new CountAssertion(id, Count()),
            "before" => Finish(new BeforeAssertion(id, Event("before"))),
            _ => Delivery(id),
        };
    }

    /// <summary>The rest of `EVENT at LABEL [with FIELD = VALUE]`, after `at`.</summary>
    private Assertion Delivery(EventId id)
    {
        var at = Label("at");
        if (!Peek.IsWord("with")) return Finish(new DeliveredAssertion(id, at, null), "'with' or ");
        Take();
        return Finish(new DeliveredAssertion(id, at, Check(inDelivery: true)));
    }

    /// <summary>The rest of `EVENT pending until LABEL`, after `pending`.</summary>
    private LabelRef Until()
    {
        if (!Peek.IsWord("until")) throw Expected("'until' after 'pending'", Peek);
        Take();
        return Label("until");
    }

    /// <summary>event = word {word}: the words up to what may follow an event, read by <see cref="EventNames"/>.</summary>
    private EventId Event(string? after)
    {
        var first = Peek;
        if (first.Kind != ClaimTokenKind.Word || AfterEvent.Contains(first.Text))
            throw Expected(after is null ? "an event" : $"an event after '{after}'", first);
        var last = Take();
        while (Peek.Kind == ClaimTokenKind.Word && !AfterEvent.Contains(Peek.Text)) last = Take();
        var name = Span(first, last);
        if (!EventNames.TryParse(name, out var id))
            throw new ClaimSyntaxError($"unknown event '{name}'; expected one of: {string.Join(", ", EventNames.Known)}", first.Offset, name.Length);
        return id;
    }

    /// <summary>label = name, one word as NASM names a label.</summary>
    private LabelRef Label(string after)
    {
        var word = Peek;
        if (word.Kind != ClaimTokenKind.Word || !IsName(word.Text))
            throw new ClaimSyntaxError($"expected a label after '{after}', found '{word.Text}'", word.Offset, word.Text.Length);
        Take();
        return new LabelRef(word.Text, word.Offset);
    }

    /// <summary>count = decimal digits.</summary>
    private int Count()
    {
        var (n, offset) = Rest();
        if (!int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
            throw new ClaimSyntaxError($"expected a count after 'count', found '{n}'", offset, n.Length);
        return count;
    }

    /// <summary>The claim is read: nothing may follow.</summary>
    private Assertion Finish(Assertion claim, string or = "")
    {
        if (Peek.Kind != ClaimTokenKind.End)
        {
            var (rest, offset) = Rest();
            throw new ClaimSyntaxError($"expected {or}the end of the claim, found '{rest}'", offset, rest.Length);
        }
        return claim;
    }

    /// <summary>The text from the next token to the end, consumed, and where it starts.</summary>
    private (string Text, int Offset) Rest()
    {
        var start = Peek;
        _next = _tokens.Count - 1;
        return (text[start.Offset..], start.Offset);
    }

    /// <summary>The text a run of tokens covers, as written (spacing inside kept).</summary>
    private string Span(ClaimToken first, ClaimToken last) => text[first.Offset..(last.Offset + last.Text.Length)];

    private ClaimSyntaxError Expected(string what, ClaimToken found) =>
        found.Kind == ClaimTokenKind.End
            ? new ClaimSyntaxError($"expected {what}", found.Offset, 1)
            : new ClaimSyntaxError($"expected {what}, found '{found.Text}'", found.Offset, found.Text.Length);

    internal static bool IsName(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] is '_' or '.') && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$' or '@');
}
