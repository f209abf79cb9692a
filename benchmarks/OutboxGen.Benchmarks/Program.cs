using BenchmarkDotNet.Running;

namespace OutboxGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks BenchmarkDotNet's command line selects, for example
    /// <c>dotnet run -c Release --project benchmarks/OutboxGen.Benchmarks -- --filter '*' --job short</c>.
    /// </summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
