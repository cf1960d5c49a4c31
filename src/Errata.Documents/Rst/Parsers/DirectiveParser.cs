using Errata.Documents.Rst.Parsers.Directives;
using System.Text.RegularExpressions;

namespace Errata.Documents.Rst.Parsers;

/// <summary>
/// <c>.. name:: arguments</c>, options as a field list, then content after a blank line,
/// split as docutils' parse_directive_block does. An unknown directive or a malformed block
/// is an error and its text is kept as a literal block.
/// </summary>
internal static class DirectiveParser
{
    /// <param name="markerEnd">Where the text after <c>name::</c> starts on the first line.</param>
    public static bool Parse(RstContext context, LineCursor c, BlockSink sink, string name, int markerEnd)
    {
        var first = c.Current;
        var start = c.Index;
        var block = c.ReadIndented(firstIndent: markerEnd, stripTop: false);
        var all = c.Lines.Skip(start).Take(c.Index - start).ToList();
        while (all.Count > 1 && all[^1].IsBlank) all.RemoveAt(all.Count - 1);
        var directive = context.Directives.Find(name);
        if (directive is null)
        {
            context.Report(RstErrors.UnknownDirective, first.SpanAt(0, first.Text.Length), name);
            sink.Add(LiteralBlockParser.Literal(all));
            return block.BlankFinish;
        }
        var input = Split(name, first, block.Lines, directive.Shape, all, out var error);
        if (error is not null)
        {
            Fail(context, sink, name, all, error);
            return block.BlankFinish;
        }
        if (OptionClasses(context, sink, input!, "class") is not { } classes) return block.BlankFinish;
        directive.Run(context, input! with { Classes = classes }, sink);
        return block.BlankFinish;
    }

    /// <summary>
    /// A class option (docutils' class_option): <c>:class:</c>, read here once for every
    /// directive, or a figure's <c>:figclass:</c>; empty without one. A value that makes no
    /// class name fails the directive, as in docutils: null then.
    /// </summary>
    public static IReadOnlyList<string>? OptionClasses(RstContext context, BlockSink sink, DirectiveInput input, string option)
    {
        if (input.Option(option) is not { } value) return [];
        if (ClassNames.Parse(value, out var problem) is { } names) return names;
        // docutils' message, the value as Python prints it (None when the option is empty).
        Fail(context, sink, input.Name, input.Block, $"invalid option value: (option: \"{option}\"; value: {(value.Length == 0 ? "None" : "'" + value + "'")})\n{problem}.");
        return null;
    }

    /// <summary>
    /// The class names a directive takes as its argument (<c>class</c>, <c>container</c>), or
    /// null when one cannot be a class name, the directive then failed with docutils' message.
    /// </summary>
    public static IReadOnlyList<string>? ArgumentClasses(RstContext context, BlockSink sink, DirectiveInput input)
    {
        if (ClassNames.Parse(input.Argument, out _) is { } names) return names;
        Fail(context, sink, input.Name, input.Block, $"Invalid class attribute value for \"{input.Name}\" directive: \"{input.Argument}\".");
        return null;
    }

    public static void Fail(RstContext context, BlockSink sink, string name, IReadOnlyList<RstLine> block, string error)
    {
        context.Report(RstErrors.DirectiveError, block[0].Span, name, error);
        sink.Add(LiteralBlockParser.Literal(block));
    }

    public static DirectiveInput? Split(string name, RstLine first, List<RstLine> indented, DirectiveShape shape, IReadOnlyList<RstLine> all, out string? error)
    {
        error = null;
        var lines = new List<RstLine>(indented);
        if (lines.Count > 0 && lines[0].IsBlank) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].IsBlank) lines.RemoveAt(lines.Count - 1);
        var takesArguments = shape.Required > 0 || shape.Optional > 0;
        List<RstLine> argBlock;
        List<RstLine> content;
        var i = 0;
        if (lines.Count > 0 && (takesArguments || shape.HasOptions))
        {
            while (i < lines.Count && !lines[i].IsBlank) i++;
            argBlock = lines[..i];
            content = i + 1 < lines.Count ? lines[(i + 1)..] : [];
        }
        else
        {
            argBlock = [];
            content = lines;
        }
        var options = new List<DirectiveOption>();
        if (shape.HasOptions)
        {
            var optionStart = argBlock.FindIndex(l => BodyPatterns.FieldMarker().IsMatch(l.Text));
            if (optionStart >= 0)
            {
                if (!ReadOptions(argBlock[optionStart..], options, out error)) return null;
                argBlock = argBlock[..optionStart];
            }
        }
        if (argBlock.Count > 0 && !takesArguments)
        {
            content = [.. argBlock, .. lines[i..]];
            argBlock = [];
        }
        while (content.Count > 0 && content[0].IsBlank) content.RemoveAt(0);
        var arguments = new List<string>();
        if (takesArguments)
        {
            var argText = string.Join("\n", argBlock.Select(l => l.Text));
            var words = argText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var max = shape.Required + shape.Optional;
            if (words.Length < shape.Required)
            {
                error = $"{shape.Required} argument(s) required, {words.Length} supplied.";
                return null;
            }
            if (words.Length > max)
            {
                if (!shape.FinalArgumentWhitespace)
                {
                    error = $"maximum {max} argument(s) allowed, {words.Length} supplied.";
                    return null;
                }
                words = [.. words.Take(max - 1), string.Join(" ", words.Skip(max - 1))];
                var rest = argText.TrimStart();
                for (var w = 0; w < max - 1; w++)
                    rest = rest[(rest.IndexOf(words[w], StringComparison.Ordinal) + words[w].Length)..].TrimStart();
                words[^1] = rest;
            }
            arguments.AddRange(words);
        }
        if (content.Count > 0 && !shape.HasContent)
        {
            error = "no content permitted.";
            return null;
        }
        return new DirectiveInput(name, first, arguments, argBlock, options, content, all);
    }

    private static bool ReadOptions(List<RstLine> block, List<DirectiveOption> options, out string? error)
    {
        error = null;
        var c = new LineCursor(block);
        while (!c.AtEnd)
        {
            var line = c.Current;
            var m = BodyPatterns.FieldMarker().Match(line.Text);
            if (!m.Success)
            {
                error = "invalid option block.";
                return false;
            }
            var body = c.ReadIndented(firstIndent: m.Length);
            options.Add(DirectiveOption.Read(FieldListParser.Name(m.Value).ToLowerInvariant(), line, m.Length, body.Lines));
        }
        return true;
    }
}
