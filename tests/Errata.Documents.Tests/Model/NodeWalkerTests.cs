using System.Collections;
using System.Reflection;
using Errata.Documents.Syntax;

namespace Errata.Documents.Tests.Model;

/// <summary>
/// Every node type of the model, built with a distinct child in every place a node can hold
/// one (a property, a list, a list of lists): the walker must reach each child. Types are found
/// by reflection, so a node kind added later is covered without touching this test.
/// </summary>
public class NodeWalkerTests
{
    public static TheoryData<string> NodeTypes()
    {
        var data = new TheoryData<string>();
        foreach (var t in ConcreteNodeTypes()) data.Add(t.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void Walker_ReachesEveryChild_OfEveryNodeType(string typeName)
    {
        var type = typeof(Node).Assembly.GetType(typeName)!;
        var node = New(type);
        var planted = Plant(node);

        var reached = NodeWalker.Descendants(node).Skip(1).ToList();

        Assert.All(planted, child => Assert.Contains(child, reached));
        // Nor is any child visited twice (a node listed both by its container and by IHasChildren).
        Assert.Equal(reached.Count, reached.Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public void EveryNodeType_HoldsAChildSomewhere_OrIsALeaf()
    {
        // The theory above proves nothing for a type with no child places: list which those are,
        // so a container that loses its children to a refactoring is noticed here.
        var leaves = ConcreteNodeTypes().Where(t => Plant(New(t)).Count == 0).Select(t => t.Name).Order().ToList();
        Assert.Equal(
            ["Code", "Comment", "FootnoteReference", "GapTableBlock", "HtmlBlock", "HtmlInline", "Image", "LineBreak", "LiteralBlock", "ScenarioBlock", "Target", "Text", "Transition"],
            leaves);
    }

    [Fact]
    public void FigureCaption_AndContentsTitle_AreWalked_InRenderOrder()
    {
        var image = new Image { Url = "a.png" };
        var caption = new Text { Value = "caption" };
        var legend = new Paragraph();
        var figure = new Figure { Image = image, IsFigure = true };
        figure.Caption.Add(caption);
        figure.Children.Add(legend);
        Assert.Equal([figure, image, caption, legend], NodeWalker.Descendants(figure));

        var title = new Text { Value = "On this page" };
        var contents = new Contents();
        contents.Title.Add(title);
        var list = new BulletList();
        contents.Children.Add(list);
        Assert.Equal([contents, title, list], NodeWalker.Descendants(contents));
    }

    private static IEnumerable<Type> ConcreteNodeTypes() =>
        typeof(Node).Assembly.GetTypes()
            .Where(t => typeof(Node).IsAssignableFrom(t) && !t.IsAbstract && t.IsPublic)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static Node New(Type type) =>
        type == typeof(Document) ? new Document("page.md") : (Node)Activator.CreateInstance(type)!;

    /// <summary>Puts a fresh node in every place of <paramref name="node"/> that holds nodes, and returns them.</summary>
    private static List<Node> Plant(Node node)
    {
        var planted = new List<Node>();
        foreach (var p in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.Name == nameof(IHasChildren.ChildNodes)) continue;
            if (typeof(Node).IsAssignableFrom(p.PropertyType) && p.CanWrite)
            {
                var child = Child(p.PropertyType);
                p.SetValue(node, child);
                planted.Add(child);
            }
            else if (ListOf(p.PropertyType) is { } element && p.GetValue(node) is IList list)
            {
                if (typeof(Node).IsAssignableFrom(element))
                {
                    var child = Child(element);
                    list.Add(child);
                    planted.Add(child);
                }
                else if (ListOf(element) is { } inner && typeof(Node).IsAssignableFrom(inner))
                {
                    var innerList = (IList)Activator.CreateInstance(element)!;
                    var child = Child(inner);
                    innerList.Add(child);
                    list.Add(innerList);
                    planted.Add(child);
                }
            }
        }
        return planted;
    }

    private static Type? ListOf(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0] : null;

    /// <summary>A node that fits a place of type <paramref name="t"/>: the type itself, or a plain text or paragraph for the abstract ones.</summary>
    private static Node Child(Type t) =>
        t.IsAbstract
            ? typeof(Inline).IsAssignableFrom(t) ? new Text { Value = "x" } : new Paragraph()
            : New(t);
}
