namespace Lantai.Transfer.Checks;

/// <summary>
/// Runs a check's work on each file of a list, one file per core at a time, and returns the answers in the list's order.
/// Parsing a PDF, decoding a scan, hashing a file or waiting for mediainfo is work on one file; a transfer of thousands
/// of files would otherwise keep every core but one idle, and the report must not depend on which file finished first.
/// </summary>
public static class PerFile
{
    public static async Task<T[]> RunAsync<TFile, T>(IReadOnlyList<TFile> files, Func<TFile, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(work);
        var answers = new T[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, token) => answers[i] = await work(files[i], token));
        return answers;
    }
}
