using System.CommandLine;
using Errata.Site.Config;

namespace Errata.Cli.CommandLine;

/// <summary>An option whose value is one of a few words: any other is an error naming the closest word and all of them.</summary>
internal static class OneOf
{
    public static Option<string> Words(this Option<string> option, string what, IReadOnlyCollection<string> words)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is not [.., var token] || words.Contains(token.Value)) return;
            var closest = ClosestName.Find(token.Value, words);
            result.AddError($"unknown {what} '{token.Value}'{(closest is null ? "" : $" (did you mean '{closest}'?)")}; expected one of: {string.Join(", ", words)}");
        });
        return option;
    }
}
