using Errata.Documents.Diagnostics;

namespace Errata.Documents;

/// <summary>Reports control characters other than tab, newline and carriage return, which no document should hold.</summary>
public static class ControlCharacters
{
    public static void Report(string path, string text, List<Diagnostic> into)
    {
        int line = 0, col = 0;
        foreach (var c in text)
        {
            if (c == '\n') { line++; col = 0; continue; }
            if (char.IsControl(c) && c is not ('\t' or '\r'))
                into.Add(DocumentErrors.ControlCharacter.At(new SourceSpan(path, line, col, 1), (int)c));
            col++;
        }
    }
}
