namespace Errata.Cli.CommandLine;

/// <summary>Parsed command-line arguments: options by name and positional words, or the reason they could not be read.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];
    public string? Error { get; private init; }

    public string? Value(string name) => _options.TryGetValue(name, out var v) ? v : null;
    public bool Flag(string name) => _options.ContainsKey(name);

    public static Arguments Parse(string[] args, IReadOnlyList<OptionSpec> specs)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(a);
                continue;
            }
            var name = a[2..];
            string? inline = null;
            var eq = name.IndexOf('=');
            if (eq >= 0) { inline = name[(eq + 1)..]; name = name[..eq]; }
            var spec = specs.FirstOrDefault(s => s.Name == name);
            if (spec is null)
                return new Arguments { Error = $"unknown option '--{name}'; expected one of: {string.Join(", ", specs.Select(s => "--" + s.Name))}" };
            if (spec.TakesValue)
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                if (value is null) return new Arguments { Error = $"option '--{name}' needs a value" };
                result._options[name] = value;
            }
            else
            {
                if (inline is not null) return new Arguments { Error = $"option '--{name}' takes no value" };
                result._options[name] = null;
            }
        }
        return result;
    }
}
