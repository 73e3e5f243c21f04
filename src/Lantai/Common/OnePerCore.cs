namespace Lantai.Common;

/// <summary>
/// Runs the same work on each item of a list, as many at a time as there are cores, and returns the answers in the
/// list's order. Parsing a PDF, decoding a scan, hashing a file or waiting for mediainfo is work on one file; a transfer
/// of thousands of files would otherwise keep every core but one idle, and a report must not depend on which file
/// finished first.
/// </summary>
public static class OnePerCore
{
    public static async Task<T[]> MapAsync<TItem, T>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        var answers = new T[items.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallel, async (i, token) => answers[i] = await work(items[i], token));
        return answers;
    }
}
