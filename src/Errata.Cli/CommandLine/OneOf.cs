using System.CommandLine;
using System.CommandLine.Parsing;
using Errata.Site.Config;

namespace Errata.Cli.CommandLine;

/// <summary>An option whose value is one of a few words: any other is an error naming the closest word and all of them.</summary>
internal static class OneOf
{
    public static Option<string> Words(this Option<string> option, string what, IReadOnlyCollection<string> words)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [.., var token]) Check(result, token, what, words);
        });
        return option;
    }

    /// <summary>A repeatable option each of whose values is one of a few words.</summary>
    public static Option<string[]> EachOf(this Option<string[]> option, string what, IReadOnlyCollection<string> words)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens) Check(result, token, what, words);
        });
        return option;
    }

    private static void Check(OptionResult result, Token token, string what, IReadOnlyCollection<string> words)
    {
        if (words.Contains(token.Value)) return;
        var closest = ClosestName.Find(token.Value, words);
        result.AddError($"unknown {what} '{token.Value}'{(closest is null ? "" : $" (did you mean '{closest}'?)")}; expected one of: {string.Join(", ", words)}");
    }
}
