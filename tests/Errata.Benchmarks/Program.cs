using System.Reflection;

// Suites are the classes named XxxBenchmark with `public static int Run(string[] args)`;
// `dotnet run -c Release --project tests/Errata.Benchmarks -- xxx` runs one.
var suites = typeof(Program).Assembly.GetTypes()
    .Where(t => t.Name.EndsWith("Benchmark", StringComparison.Ordinal) && t.GetMethod("Run", BindingFlags.Public | BindingFlags.Static) is not null)
    .ToDictionary(t => t.Name[..^"Benchmark".Length].ToLowerInvariant(), t => t.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!);

if (args.Length == 0 || !suites.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Errata.Benchmarks -- SUITE [args]\nsuites: {string.Join(", ", suites.Keys.Order())}");
    return 2;
}
return (int)run.Invoke(null, [args[1..]])!;
