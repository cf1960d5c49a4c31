namespace Errata.Benchmarks;

/// <summary>Runs one benchmark suite, named by the first argument.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "machine":
                return MachineBenchmark.Run(args[1..]);
            default:
                Console.Error.WriteLine("usage: Errata.Benchmarks <suite> [args]; suites: machine");
                return 2;
        }
    }
}
