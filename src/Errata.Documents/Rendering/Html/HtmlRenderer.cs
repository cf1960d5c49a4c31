using Errata.Documents.Syntax;

namespace Errata.Documents.Rendering.Html;

/// <summary>
/// Renders the document model to HTML through one renderer per node type. Extensions
/// add or replace renderers (the site replaces the scenario renderer with verified output),
/// as Markdig's renderers do.
/// </summary>
public sealed class HtmlRenderer
{
    private readonly Dictionary<Type, Action<HtmlRenderer, HtmlWriter, Node>> _renderers = [];

    public HtmlRenderer()
    {
        CoreRenderers.Register(this);
    }

    public HtmlRenderer Set<T>(Action<HtmlRenderer, HtmlWriter, T> render) where T : Node
    {
        _renderers[typeof(T)] = (r, w, n) => render(r, w, (T)n);
        return this;
    }

    public string Render(Node node)
    {
        var w = new HtmlWriter();
        Write(w, node);
        return w.ToString();
    }

    public void Write(HtmlWriter w, Node node)
    {
        if (_renderers.TryGetValue(node.GetType(), out var render))
            render(this, w, node);
        else
            throw new InvalidOperationException($"no HTML renderer for {node.GetType().Name}");
    }

    public void WriteAll(HtmlWriter w, IEnumerable<Node> nodes)
    {
        foreach (var n in nodes) Write(w, n);
    }
}
