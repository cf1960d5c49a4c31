namespace Errata.Diagnostics;

/// <summary>
/// Collects diagnostics while a phase runs; phases return them, never throw them. A problem
/// two phases both meet (a control character the document reader and the assembler see) is
/// kept once: same id, span and message.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(string Id, SourceSpan Span, string Message)> _seen = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Add(Diagnostic d)
    {
        if (_seen.Add((d.Id, d.Span, d.Message))) _items.Add(d);
    }

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) => Add(descriptor.At(span, args));

    public void AddRange(IEnumerable<Diagnostic> ds)
    {
        foreach (var d in ds) Add(d);
    }
}
