namespace Errata.Benchmarks;

internal static class Program
{
    public static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "rst" => RstBenchmark.Run(args[1..]),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Errata.Benchmarks rst [CORPUS]");
        return 2;
    }
}
