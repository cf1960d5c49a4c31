namespace Errata.Documents;

/// <summary>
/// How deeply blocks and inline markup may nest in one document. Deeper input is reported
/// (<see cref="Diagnostics.DocumentErrors.NestingTooDeep"/>) rather than read, so readers,
/// renderers and walkers that recurse stay within the stack and memory stays linear in the input.
/// </summary>
public static class NestingLimit
{
    /// <summary>
    /// Below Markdig's own default (128), and far more than any page needs; docutils itself
    /// stops near Python's recursion limit a few hundred levels down.
    /// </summary>
    public const int MaxDepth = 100;
}
