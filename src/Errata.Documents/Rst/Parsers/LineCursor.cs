namespace Errata.Documents.Rst.Parsers;

/// <summary>A position in the lines one body (document, list item, directive content...) is read from.</summary>
internal sealed class LineCursor(IReadOnlyList<RstLine> lines)
{
    public IReadOnlyList<RstLine> Lines { get; } = lines;
    public int Index { get; set; }

    public bool AtEnd => Index >= Lines.Count;
    public RstLine Current => Lines[Index];
    public bool HasNext => Index + 1 < Lines.Count;
    public RstLine Next => Lines[Index + 1];

    /// <summary>True when the line after the current one is blank or there is none.</summary>
    public bool NextIsBlankOrEnd => !HasNext || Next.IsBlank;

    public void SkipBlank()
    {
        while (!AtEnd && Current.IsBlank) Index++;
    }

    /// <summary>
    /// docutils' get_indented family: from the current line, the block of lines that are blank
    /// or indented. <paramref name="firstIndent"/> is where the first line's text starts
    /// (a list item's text after its bullet); <paramref name="blockIndent"/> requires every
    /// following line to be indented at least that far. Leaves the cursor after the block.
    /// </summary>
    public IndentedBlock ReadIndented(int? firstIndent = null, int? blockIndent = null, bool untilBlank = false, bool stripTop = true, bool stripIndent = true)
    {
        var start = Index;
        if (blockIndent is not null && firstIndent is null) firstIndent = blockIndent;
        var end = start + (firstIndent is not null ? 1 : 0);
        var indent = blockIndent;
        var blankFinish = true;
        while (end < Lines.Count)
        {
            var line = Lines[end];
            if (!line.IsBlank && (!line.IsIndented || (blockIndent is { } b && line.Indent < b)))
            {
                blankFinish = end > start && Lines[end - 1].IsBlank;
                break;
            }
            if (line.IsBlank)
            {
                if (untilBlank) break;
            }
            else if (blockIndent is null)
            {
                var li = line.Indent;
                indent = indent is null ? li : Math.Min(indent.Value, li);
            }
            end++;
        }
        var block = new List<RstLine>(end - start);
        for (var i = start; i < end; i++)
        {
            var line = Lines[i];
            if (i == start && firstIndent is not null) line = line.Dedent(firstIndent.Value);
            else if (stripIndent && indent is > 0) line = line.Dedent(indent.Value);
            block.Add(line);
        }
        Index = end;
        var offset = 0;
        if (stripTop)
            while (offset < block.Count && block[offset].IsBlank) offset++;
        if (offset > 0) block.RemoveRange(0, offset);
        return new IndentedBlock(block, indent ?? 0, blankFinish);
    }

    /// <summary>
    /// Lines up to the next blank line; with <paramref name="flushLeft"/>, stops before an indented
    /// line and reports it. With <paramref name="atLeastOne"/> the current line is taken as it is.
    /// </summary>
    public List<RstLine> ReadTextBlock(bool flushLeft, out int? unexpectedIndentAt, bool atLeastOne = false)
    {
        unexpectedIndentAt = null;
        var end = Index;
        while (end < Lines.Count && !Lines[end].IsBlank) end++;
        var block = new List<RstLine>(end - Index);
        while (!AtEnd && !Current.IsBlank)
        {
            if (flushLeft && Current.IsIndented && !(atLeastOne && block.Count == 0))
            {
                unexpectedIndentAt = Index;
                break;
            }
            block.Add(Current);
            Index++;
        }
        return block;
    }
}

internal sealed record IndentedBlock(List<RstLine> Lines, int Indent, bool BlankFinish)
{
    public void TrimEnd()
    {
        while (Lines.Count > 0 && Lines[^1].IsBlank) Lines.RemoveAt(Lines.Count - 1);
    }
}
