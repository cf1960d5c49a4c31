namespace Errata.Benchmarks;

internal static class Program
{
    private static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "assembler" => AssemblerBenchmark.Run(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Errata.Benchmarks assembler [iterations]");
        return 2;
    }
}
