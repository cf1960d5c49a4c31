namespace Errata.Site.Accepting;

/// <summary>Replace <see cref="Remove"/> lines from <see cref="Line"/> (zero-based, in the original text) with <see cref="Insert"/>.</summary>
public sealed record DocumentEdit(int Line, int Remove, IReadOnlyList<string> Insert);
