namespace Errata.Documents.Syntax;

/// <summary>Walks a document tree in document order, reaching every child node.</summary>
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

    /// <summary>
    /// A node's children in the order they render. Nodes that hold more than their block
    /// children (a figure's caption, a contents' title, a term) say so through
    /// <see cref="IHasChildren"/>, which is asked first: were it asked after the generic
    /// container case, those extra children would never be reached.
    /// </summary>
    public static IReadOnlyList<Node> Children(Node node) => node switch
    {
        IHasChildren h => h.ChildNodes,
        Section s => [.. s.Title, .. s.Children],
        BlockQuote q => [.. q.Children, .. q.Attribution],
        Admonition a => [.. a.Title, .. a.Children],
        ContainerBlock c => c.Children,
        LeafBlock l => l.Inlines,
        ContainerInline c => c.Children,
        BulletList b => b.Items,
        OrderedList o => o.Items,
        DefinitionList d => d.Items,
        FieldList f => f.Fields,
        OptionList o => o.Items,
        TocTree t => t.Caption,
        Table t => [.. t.Caption, .. t.Head, .. t.Body],
        TableRow r => r.Cells,
        _ => [],
    };
}

/// <summary>Lets node kinds added by an extension, or holding children beside their blocks, take part in tree walks.</summary>
public interface IHasChildren
{
    IReadOnlyList<Node> ChildNodes { get; }
}
