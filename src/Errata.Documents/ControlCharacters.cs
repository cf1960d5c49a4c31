using Errata.Diagnostics;

namespace Errata.Documents;

/// <summary>Reports control characters other than tab, newline and carriage return, which no document should hold.</summary>
public static class ControlCharacters
{
    private static readonly System.Buffers.SearchValues<char> Reported = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))));

    public static void Report(string path, string text, List<Diagnostic> into)
    {
        // Most documents have none: a vectorised search skips the per-character walk.
        if (!text.AsSpan().ContainsAny(Reported)) return;
        int line = 0, col = 0;
        foreach (var c in text)
        {
            if (c == '\n') { line++; col = 0; continue; }
            if (char.IsControl(c) && c is not ('\t' or '\r'))
                into.Add(TextErrors.ControlCharacter.At(new SourceSpan(path, line, col, 1), (int)c));
            col++;
        }
    }
}
