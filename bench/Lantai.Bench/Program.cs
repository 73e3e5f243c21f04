using System.Text;
using Lantai.Bench.Hash;
using Lantai.Bench.Import;

// The benchmark home of Lantai: one subcommand per benchmark, each printing throughput and what it was measured on.
// Run in Release: dotnet run -c Release --project bench/Lantai.Bench -- <benchmark> [options]
Console.OutputEncoding = Encoding.UTF8;
var benchmark = args.Length > 0 ? args[0] : "";
switch (benchmark)
{
    case "import":
        return await ImportBenchmark.RunAsync(args[1..]);
    case "hash":
        return await HashBenchmark.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("""
            usage: Lantai.Bench <benchmark> [options]
              import [--rows N] [--pg CONNECTION-STRING] [--no-pg] [--dir DIR]
                     catalogue import from CSV and xlsx into SQLite and PostgreSQL, with the raw engine speed beside it
              hash [--mb 256] [--dir DIR] [--no-files]
                     SM3 (BouncyCastle, OpenSSL), SHA-256 and DualDigest throughput, openssl speed, the raw limit
                     (read + SM3 + SHA-256 + write) and the store's commit with syncfs against fsync
            """);
        return 2;
}
