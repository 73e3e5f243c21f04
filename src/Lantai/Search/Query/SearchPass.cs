using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lantai.Search.Query;

/// <summary>
/// One pass over the matches of a query: the top hits, the exact total and the facet counts, under a time limit. The
/// index is cut into slices of about equal size (whole segments or doc ranges within one) searched at the same time on
/// their own threads, each with its own top-k collector and facet counter, merged at the end (TopDocs.Merge keeps
/// Lucene's order: score or sort values, then doc id). Lucene 4.8 top-k by BM25 scores every match, so a common word
/// costs in proportion to its hits; slices put both cores on it. One loop per slice does the top-k, the facets and
/// the clock (no MultiCollector or wrapping collector per hit). Search-box queries are matched a window of documents
/// at a time (<see cref="WindowedConjunction"/>), the others by Lucene's scorers.
/// </summary>
internal static class SearchPass
{
    /// <summary>How many hits between two looks at the clock and the cancellation token.</summary>
    private const int CheckEvery = 1024;

    public static async Task<PassResult> RunAsync(IndexSearcher searcher, Lucene.Net.Search.Query query, PassOptions options, CancellationToken cancellationToken)
    {
        // The postings are counted only where a choice depends on them (slicing, or a threshold for windowed matching).
        var postings = options.MaxSlices > 1 || options.WindowedMinPostings > 0
            ? Postings(searcher, query, Math.Max(options.ParallelMinPostings, options.WindowedMinPostings))
            : 0;
        var plan = postings >= options.WindowedMinPostings ? WindowedConjunction.TryPlan(searcher, query) : null;
        var weight = plan is null ? searcher.CreateNormalizedWeight(query) : null;
        var slices = Slices(searcher.IndexReader.Leaves, options.SliceCount(options.MaxSlices > 1 ? postings : 0));
        var deadline = Stopwatch.GetTimestamp() + (long)(options.TimeLimit.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task<SliceResult>[slices.Count];
        for (var i = 1; i < slices.Count; i++)
        {
            var slice = slices[i];
            tasks[i] = Task.Run(() => Collect(weight, plan, slice, options, deadline, cancellationToken), cancellationToken);
        }

        // The first slice runs on the calling thread; every slice is awaited before the searcher can be released.
        try
        {
            tasks[0] = Task.FromResult(Collect(weight, plan, slices[0], options, deadline, cancellationToken));
        }
        catch (Exception e)
        {
            tasks[0] = Task.FromException<SliceResult>(e);
        }

        var results = await Task.WhenAll(tasks);
        var shards = results.Select(r => r.Top.GetTopDocs()).ToArray();
        var top = shards.Length == 1 ? shards[0] : TopDocs.Merge(options.Order.Sort, options.NumHits, shards);
        var facets = options.FacetFields is { } fields
            ? FacetCounter.Merge(fields, [.. results.Select(r => r.Facets!)])
            : ([], false);
        return new PassResult(top.ScoreDocs, results.Sum(r => (long)r.Top.TotalHits), facets.Counts, facets.Approximate, results.Any(r => r.TimedOut));
    }

    private static SliceResult Collect(Weight? weight, WindowedConjunction? plan, IReadOnlyList<Part> parts, PassOptions options, long deadline, CancellationToken cancellationToken)
    {
        var top = options.Order.Sort is { } sort
            ? (ITopDocsCollector)TopFieldCollector.Create(sort, options.NumHits, (FieldDoc?)options.After, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true)
            : TopScoreDocCollector.Create(options.NumHits, options.After, docsScoredInOrder: true);
        var facets = options.FacetFields is { } fields ? new FacetCounter(fields, options.FacetExactLimit) : null;
        try
        {
            return plan is null
                ? CollectParts(top, facets, weight!, parts, deadline, cancellationToken)
                : CollectWindows(top, facets, plan, parts, deadline, cancellationToken);
        }
        finally
        {
            // On this thread: the counter's doc values are this thread's instances (Lucene keeps them per thread), so
            // turning its last segment's ordinals into values cannot wait for the merge on another thread.
            facets?.Finish();
        }
    }

    private static SliceResult CollectParts(ITopDocsCollector top, FacetCounter? facets, Weight weight, IReadOnlyList<Part> parts, long deadline, CancellationToken cancellationToken)
    {
        var sinceCheck = 0;
        foreach (var part in parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return new SliceResult(top, facets, TimedOut: true);
            }

            var context = part.Context;
            var scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            top.SetNextReader(context);
            top.SetScorer(scorer);
            facets?.SetSegment(context);
            for (var doc = part.From == 0 ? scorer.NextDoc() : scorer.Advance(part.From); doc < part.To; doc = scorer.NextDoc())
            {
                top.Collect(doc);
                facets?.Count(doc);
                if (++sinceCheck == CheckEvery)
                {
                    sinceCheck = 0;
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Stopwatch.GetTimestamp() > deadline)
                    {
                        return new SliceResult(top, facets, TimedOut: true);
                    }
                }
            }
        }

        return new SliceResult(top, facets, TimedOut: false);
    }

    private static SliceResult CollectWindows(ITopDocsCollector top, FacetCounter? facets, WindowedConjunction plan, IReadOnlyList<Part> parts, long deadline, CancellationToken cancellationToken)
    {
        var run = plan.Start();
        bool Stop()
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Stopwatch.GetTimestamp() > deadline;
        }

        foreach (var part in parts)
        {
            if (Stop() || !run.Collect(part.Context, part.From, part.To, top, facets, Stop))
            {
                return new SliceResult(top, facets, TimedOut: true);
            }
        }

        return new SliceResult(top, facets, TimedOut: false);
    }

    /// <summary>
    /// About how many postings the query reads: its terms' document frequencies added up (a phrase's or a conjunction's
    /// overestimated, which only errs towards slicing), or every document when it has no terms or matches all (an empty
    /// box, a NOT). Counting stops at <paramref name="enough"/>.
    /// </summary>
    internal static long Postings(IndexSearcher searcher, Lucene.Net.Search.Query query, long enough)
    {
        var reader = searcher.IndexReader;
        var terms = new HashSet<Term>();
        try
        {
            var rewritten = searcher.Rewrite(query);
            if (rewritten.ToString().Contains("*:*", StringComparison.Ordinal))
            {
                return reader.MaxDoc;
            }

            rewritten.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            return reader.MaxDoc;
        }

        if (terms.Count == 0)
        {
            return reader.MaxDoc;
        }

        long postings = 0;
        foreach (var term in terms)
        {
            postings += reader.DocFreq(term);
            if (postings >= enough)
            {
                break;
            }
        }

        return postings;
    }

    /// <summary>Cuts the segments into <paramref name="count"/> runs of consecutive documents of about equal size, in doc order.</summary>
    internal static List<List<Part>> Slices(IList<AtomicReaderContext> leaves, int count)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var slices = new List<List<Part>> { new() };
        if (count <= 1 || total == 0)
        {
            slices[0].AddRange(leaves.Select(l => new Part(l, 0, l.AtomicReader.MaxDoc)));
            return slices;
        }

        var size = (total + count - 1) / count;
        var room = size;
        foreach (var leaf in leaves)
        {
            var from = 0;
            var maxDoc = leaf.AtomicReader.MaxDoc;
            while (from < maxDoc)
            {
                if (room == 0)
                {
                    slices.Add([]);
                    room = size;
                }

                var to = (int)Math.Min(maxDoc, from + room);
                slices[^1].Add(new Part(leaf, from, to));
                room -= to - from;
                from = to;
            }
        }

        return slices;
    }

    /// <summary>Documents [From, To) of one segment.</summary>
    internal sealed record Part(AtomicReaderContext Context, int From, int To);

    private sealed record SliceResult(ITopDocsCollector Top, FacetCounter? Facets, bool TimedOut);
}
