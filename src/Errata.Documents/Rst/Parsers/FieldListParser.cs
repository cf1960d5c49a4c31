using Errata.Documents.Syntax;

namespace Errata.Documents.Rst.Parsers;

/// <summary>Field lists: <c>:name: body</c>, the body indented under the field on following lines.</summary>
internal static class FieldListParser
{
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink)
    {
        var list = new FieldList { Span = c.Current.Span };
        sink.Add(list);
        bool blankFinish;
        do
        {
            list.Fields.Add(Field(context, c, out blankFinish));
        }
        while (!c.AtEnd && BodyPatterns.Classify(c.Current) == LineKind.FieldMarker);
        if (!blankFinish) BodyParser.UnindentWarning(context, c, "Field list");
        return true;
    }

    private static Field Field(RstContext context, LineCursor c, out bool blankFinish)
    {
        var line = c.Current;
        var m = BodyPatterns.FieldMarker().Match(line.Text);
        var name = Name(m.Value);
        var body = c.ReadIndented(firstIndent: m.Length);
        blankFinish = body.BlankFinish;
        var field = new Field { Span = line.Span };
        context.DeferInlines(field.Name, [line with { Text = name, Column = line.Column + 1 }]);
        field.Children.AddRange(context.Body.ParseNested(body.Lines));
        return field;
    }

    /// <summary>The text between the field marker's colons.</summary>
    public static string Name(string marker) => marker[1..marker.LastIndexOf(':')];
}
