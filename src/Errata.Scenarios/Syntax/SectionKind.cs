namespace Errata.Scenarios.Syntax;

/// <summary>The kinds of section a scenario body has, in the order they are laid out in memory.</summary>
public enum SectionKind
{
    /// <summary>`code:`, where execution starts.</summary>
    Code,
    /// <summary>`handler VECTOR:`, replacing the default handler of an event.</summary>
    Handler,
    /// <summary>`guest:`, a nested guest entered with vmrun.</summary>
    Guest,
    /// <summary>`data:`.</summary>
    Data,
}

/// <summary>Section names as a body writes them: `code`, `guest`, `data`, and `handler VECTOR`.</summary>
public static class SectionNames
{
    private const string HandlerWord = "handler ";

    private static readonly Dictionary<SectionKind, string> Plain = new()
    {
        [SectionKind.Code] = "code",
        [SectionKind.Guest] = "guest",
        [SectionKind.Data] = "data",
    };

    /// <summary>The name of a section of that kind; a handler's name also carries its vector.</summary>
    public static string Of(SectionKind kind, string? vector = null) =>
        kind == SectionKind.Handler ? HandlerWord + vector : Plain[kind];

    /// <summary>Reads a section's name (the line without its colon); a handler's vector is trimmed.</summary>
    public static bool TryRead(string name, out SectionKind kind, out string canonical)
    {
        (kind, canonical) = (SectionKind.Handler, name);
        foreach (var (k, plain) in Plain)
            if (name == plain) { kind = k; return true; }
        if (!name.StartsWith(HandlerWord, StringComparison.Ordinal) || name.Length <= HandlerWord.Length) return false;
        canonical = Of(SectionKind.Handler, name[HandlerWord.Length..].Trim());
        return true;
    }

    /// <summary>The vector a handler section names (`#DB` of `handler #DB`).</summary>
    public static string Vector(string handlerName) => handlerName[HandlerWord.Length..];

    /// <summary>Where the vector starts in a handler section's name, for diagnostics at it.</summary>
    public static int VectorColumn => HandlerWord.Length;
}
