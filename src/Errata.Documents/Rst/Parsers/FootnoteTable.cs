using Errata.Diagnostics;
using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// Numbers auto-numbered footnotes (<c>[#]</c>, <c>[#name]</c>) and symbol footnotes
/// (<c>[*]</c>) and their references after reading, as docutils' Footnotes transform does.
/// </summary>
internal sealed class FootnoteTable
{
    private static readonly string[] Symbols = ["*", "\u2020", "\u2021", "\u00a7", "\u00b6", "#", "\u2660", "\u2665", "\u2666", "\u2663"];
    private readonly List<Footnote> _notes = [];
    private readonly List<(FootnoteReference Reference, SourceSpan At)> _references = [];

    public void Note(Footnote note) => _notes.Add(note);

    public void NoteReference(FootnoteReference reference, SourceSpan at) => _references.Add((reference, at));

    /// <summary>Numbers notes and references; returns references to labels no footnote or citation has.</summary>
    public List<(SourceSpan At, DiagnosticDescriptor Problem, string Name)> Number()
    {
        var used = _notes.Where(n => int.TryParse(n.Label, out _)).Select(n => n.Label).ToHashSet();
        var byName = new Dictionary<string, string>();
        var next = 1;
        var symbols = 0;
        foreach (var note in _notes)
        {
            if (note.IsCitation || int.TryParse(note.Label, out _)) note.Mark = note.Label;
            else if (note.Label == "*") note.Mark = Symbol(symbols++);
            else
            {
                while (used.Contains(next.ToString(System.Globalization.CultureInfo.InvariantCulture))) next++;
                note.Mark = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (note.Label.Length > 1) byName[note.Label] = note.Mark;
            }
        }
        var anonymous = _notes.Where(n => n.Label == "#").Select(n => n.Mark).GetEnumerator();
        var symbolRefs = 0;
        var labels = _notes.Select(n => n.Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<(SourceSpan, DiagnosticDescriptor, string)>();
        foreach (var (r, at) in _references)
        {
            if ((r.IsCitation || int.TryParse(r.Label, out _) || r.Label.Length > 1 && r.Label[0] == '#') && !labels.Contains(r.Label))
                problems.Add((at, RstMarkupErrors.UnknownTargetName, LinkTable.Normalize(r.Label.TrimStart('#'))));
            if (r.IsCitation || int.TryParse(r.Label, out _)) r.Mark = r.Label;
            else if (r.Label == "*") r.Mark = Symbol(symbolRefs++);
            else if (r.Label == "#") r.Mark = anonymous.MoveNext() ? anonymous.Current : "?";
            else r.Mark = byName.GetValueOrDefault(r.Label, "?");
        }
        return problems;
    }

    private static string Symbol(int n) => string.Concat(Enumerable.Repeat(Symbols[n % Symbols.Length], n / Symbols.Length + 1));
}
