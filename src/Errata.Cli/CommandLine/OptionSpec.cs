namespace Errata.Cli.CommandLine;

/// <summary>An option a command accepts: `--name VALUE`, or a flag when it takes no value.</summary>
public sealed record OptionSpec(string Name, bool TakesValue, string Help);
