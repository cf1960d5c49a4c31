namespace Errata.Documents.Syntax;

/// <summary>Walks a document tree in document order.</summary>
public static class NodeWalker
{
    public static IEnumerable<Node> Descendants(Node root)
    {
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = Children(node);
            for (var i = children.Count - 1; i >= 0; i--)
                stack.Push(children[i]);
        }
    }

    public static IReadOnlyList<Node> Children(Node node) => node switch
    {
        Section s => [.. s.Title, .. s.Children],
        BlockQuote q => [.. q.Children, .. q.Attribution],
        Admonition a => [.. a.Title, .. a.Children],
        ContainerBlock c => c.Children,
        LeafBlock l => l.Inlines,
        ContainerInline c => c.Children,
        BulletList b => b.Items,
        OrderedList o => o.Items,
        Table t => [.. t.Caption, .. t.Head, .. t.Body],
        TableRow r => r.Cells,
        IHasChildren h => h.ChildNodes,
        _ => [],
    };
}

/// <summary>Lets node kinds added by an extension take part in tree walks.</summary>
public interface IHasChildren
{
    IReadOnlyList<Node> ChildNodes { get; }
}
