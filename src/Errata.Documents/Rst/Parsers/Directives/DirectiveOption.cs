namespace Errata.Documents.Rst.Parsers.Directives;

/// <summary>
/// An option as written: the line it is on, where its value starts there, and the lines the
/// value was read from (its first line's rest and any continuation lines).
/// </summary>
internal sealed record DirectiveOption(string Name, string Value, RstLine Line, int ValueOffset, IReadOnlyList<RstLine> ValueLines)
{
    /// <summary>The value is its lines joined by line breaks, trimmed, as docutils reads a field body.</summary>
    public static DirectiveOption Read(string name, RstLine line, int valueOffset, IReadOnlyList<RstLine> valueLines) =>
        new(name, Joined(valueLines).Trim(), line, valueOffset, valueLines);

    /// <summary>
    /// Where each value line's text starts in <see cref="Value"/>, each line cut to the part the
    /// value keeps, so an offset in the value maps to the line and column it came from.
    /// </summary>
    public IEnumerable<(int Offset, RstLine Line)> ValuePieces()
    {
        var joined = Joined(ValueLines);
        var lead = joined.Length - joined.TrimStart().Length;
        var start = 0;
        foreach (var line in ValueLines)
        {
            var end = start + line.Length;
            if (end > lead && start - lead < Value.Length)
                yield return start >= lead ? (start - lead, line) : (0, line.Dedent(lead - start));
            start = end + 1; // the line break joining it to the next
        }
    }

    private static string Joined(IReadOnlyList<RstLine> lines) => string.Join("\n", lines.Select(l => l.Text));
}
