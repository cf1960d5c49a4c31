namespace Errata.Scenarios.Claims;

/// <summary>
/// Reads one claim by the grammar of docs/guide/scenarios.md ("Grammar of claims"). On
/// failure it returns the reason and the offset inside the text where reading failed, so
/// the error lands on that column.
/// </summary>
public static class AssertionParser
{
    public readonly record struct Result(Assertion? Assertion, string? Error, int ErrorOffset, int ErrorLength);

    public static Result Parse(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0) return new(null, "expected an assertion after 'expect:'", 0, 1);
        try
        {
            return new(new ClaimReader(t).Claim(), null, 0, 0);
        }
        catch (ClaimSyntaxError e)
        {
            return new(null, e.Message, e.Offset, Math.Max(1, e.Length));
        }
    }
}

/// <summary>Where and why a claim cannot be read; caught by <see cref="AssertionParser"/> and turned into its result.</summary>
internal sealed class ClaimSyntaxError(string message, int offset, int length) : Exception(message)
{
    public int Offset { get; } = offset;
    public int Length { get; } = length;
}
