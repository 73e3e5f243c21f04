namespace Lantai.Bench.Search;

/// <summary>Replays the relevance set against pg_trgm and computes its precision@10 (filled in once the set is committed).</summary>
internal static class RelevanceBaseline
{
    public static Task<int> RunAsync(string[] args, string postgres)
    {
        _ = args;
        _ = postgres;
        Console.Error.WriteLine("relevance set not available yet");
        return Task.FromResult(1);
    }
}
