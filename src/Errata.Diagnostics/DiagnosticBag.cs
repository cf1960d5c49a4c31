namespace Errata.Diagnostics;

/// <summary>Collects diagnostics while a phase runs; phases return them, never throw them.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Add(Diagnostic d) => _items.Add(d);
    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) => _items.Add(descriptor.At(span, args));
    public void AddRange(IEnumerable<Diagnostic> ds) => _items.AddRange(ds);
}
