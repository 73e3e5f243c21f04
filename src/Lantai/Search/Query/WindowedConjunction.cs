using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Lantai.Search.Query;

/// <summary>
/// A search-box query — words ANDed, each word a DisjunctionMax over the text fields, perhaps with NOTs and the access
/// filter — matched and scored a window of documents at a time instead of one document at a time. Written by us because
/// Lucene.Net 4.8 has nothing for it: its windowed scorer (BooleanScorer) takes only disjunctions, and the block-max
/// scorers of later Lucene are not in Lucene.Net. There, 档案 工作 at 10M records is a ConjunctionScorer leapfrogging two
/// DisjunctionMaxScorers, each a heap over its fields' postings, and perf puts most of its ~300 ms of CPU in the leapfrog
/// and the heaps rather than in reading postings.
/// <para>
/// Here the clauses run in order of cost. Within a window, the cheapest clause's postings are read straight through into
/// a bit set and score arrays; each further clause is either read straight through the window too or, where few
/// candidates are left, advanced to each candidate (the leapfrog, where it pays). NOTs clear bits, the filter is ANDed
/// word by word. The scores are Lucene's to the bit for the same query: each field's own scorer computes BM25 as in the
/// ordinary query, combined as DisjunctionMaxScorer does (the best field + the tie-breaker × the others) and summed in
/// the order ConjunctionScorer sums (its clauses by cost); only the order in which a word's fields are added up may differ
/// from the heap's, which can move the last bit of a score.
/// </para>
/// </summary>
internal sealed class WindowedConjunction
{
    /// <summary>Documents per window: a clause's bit set and score arrays stay in the core's cache.</summary>
    private const int Window = FacetCounter.WindowWords * 64;

    /// <summary>A clause is advanced candidate by candidate when it has this many times more postings than candidates.</summary>
    private const int ProbeCost = 4;

    private readonly Weight[][] _must;
    private readonly float[] _tieBreakers;
    private readonly Weight[] _mustNot;
    private readonly Filter? _filter;

    private WindowedConjunction(Weight[][] must, float[] tieBreakers, Weight[] mustNot, Filter? filter)
    {
        _must = must;
        _tieBreakers = tieBreakers;
        _mustNot = mustNot;
        _filter = filter;
    }

    /// <summary>
    /// The plan for a query of the shape this handles — an optional filter around a BooleanQuery of MUST and MUST_NOT
    /// clauses or a single DisjunctionMax — or null, for Lucene's own scorers.
    /// </summary>
    public static WindowedConjunction? TryPlan(IndexSearcher searcher, LuceneQuery query)
    {
        // BM25 ignores the query norm, so each field's weight normalized on its own equals its weight inside the tree.
        if (searcher.Similarity is not BM25Similarity)
        {
            return null;
        }

        var rewritten = searcher.Rewrite(query);
        var boost = 1f;
        Filter? filter = null;
        if (rewritten is FilteredQuery filtered)
        {
            filter = filtered.Filter;
            boost *= filtered.Boost;
            rewritten = filtered.Query;
        }

        var must = new List<LuceneQuery>();
        var mustNot = new List<LuceneQuery>();
        switch (rewritten)
        {
            case BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0:
                boost *= boolean.Boost;
                foreach (var clause in boolean.Clauses)
                {
                    switch (clause.Occur)
                    {
                        case Occur.MUST: must.Add(clause.Query); break;
                        case Occur.MUST_NOT: mustNot.Add(clause.Query); break;
                        default: return null;
                    }
                }

                break;
            case DisjunctionMaxQuery:
                must.Add(rewritten);
                break;
            default:
                // A single term or phrase: Lucene's scorer already reads it straight through.
                return null;
        }

        if (must.Count == 0)
        {
            return null;
        }

        var weights = new Weight[must.Count][];
        var tieBreakers = new float[must.Count];
        for (var i = 0; i < must.Count; i++)
        {
            if (must[i] is DisjunctionMaxQuery words)
            {
                // As DisjunctionMaxWeight.Normalize passes its boost down to each field's weight.
                var wordBoost = boost * words.Boost;
                weights[i] = [.. words.Disjuncts.Select(d => Normalized(searcher, d, wordBoost))];
                tieBreakers[i] = words.TieBreakerMultiplier;
            }
            else
            {
                weights[i] = [Normalized(searcher, must[i], boost)];
            }
        }

        return new WindowedConjunction(weights, tieBreakers, [.. mustNot.Select(q => Normalized(searcher, q, boost))], filter);
    }

    private static Weight Normalized(IndexSearcher searcher, LuceneQuery query, float topLevelBoost)
    {
        var weight = query.CreateWeight(searcher);
        _ = weight.GetValueForNormalization(); // some weights (ConstantScore) set their value here, before Normalize
        weight.Normalize(1f, topLevelBoost);
        return weight;
    }

    /// <summary>State for one thread: the window's bit sets and score arrays.</summary>
    public Run Start() => new(this);

    internal sealed class Run
    {
        private readonly WindowedConjunction _plan;
        private readonly ulong[][] _bits;
        private readonly float[][] _max;
        private readonly float[][] _sum;
        private readonly ulong[] _candidates = new ulong[(Window / 64) + 1];
        private readonly ulong[] _excluded = new ulong[(Window / 64) + 1];
        private readonly ScoreHolder _holder = new();

        public Run(WindowedConjunction plan)
        {
            _plan = plan;
            _bits = [.. plan._must.Select(_ => new ulong[(Window / 64) + 1])];
            _max = [.. plan._must.Select(_ => new float[Window])];
            _sum = [.. plan._must.Select(_ => new float[Window])];
        }

        /// <summary>
        /// Collects the matches of documents [from, to) of one segment into <paramref name="top"/> and <paramref name="facets"/>
        /// in doc order; false when <paramref name="stop"/> said to stop (checked once per window).
        /// </summary>
        public bool Collect(AtomicReaderContext context, int from, int to, ITopDocsCollector top, FacetCounter? facets, Func<bool> stop)
        {
            var reader = context.AtomicReader;
            var live = reader.LiveDocs;
            var clauses = new Clause[_plan._must.Length];
            for (var i = 0; i < clauses.Length; i++)
            {
                var scorers = _plan._must[i].Select(w => w.GetScorer(context, live)).OfType<Scorer>().ToArray();
                if (scorers.Length == 0)
                {
                    return true; // a word no field of this segment has
                }

                clauses[i] = new Clause(i, scorers, scorers.Sum(s => s.GetCost()));
            }

            // ConjunctionScorer's order (a stable sort by cost), which is also the order its score adds the clauses up.
            var ordered = clauses.OrderBy(c => c.Cost).ToArray();
            var excluded = _plan._mustNot.Select(w => w.GetScorer(context, live)).OfType<Scorer>().ToArray();
            var excludedCost = excluded.Sum(s => s.GetCost());
            ulong[]? filterWords = null;
            IBits? filterBits = null;
            DocIdSetIterator? filterIterator = null;
            if (_plan._filter is { } filter)
            {
                var set = filter.GetDocIdSet(context, live);
                if (set is null)
                {
                    return true;
                }

                if (set is FixedBitSet fixedBits)
                {
                    filterWords = (ulong[])(object)fixedBits.GetBits();
                }
                else if (set.Bits is { } bits)
                {
                    filterBits = bits;
                }
                else if (set.GetIterator() is { } iterator)
                {
                    filterIterator = iterator;
                }
                else
                {
                    return true;
                }
            }

            top.SetNextReader(context);
            top.SetScorer(_holder);
            facets?.SetSegment(context);
            var maxDoc = Math.Max(1, reader.MaxDoc);
            var lead = ordered[0];
            var next = from;
            while (true)
            {
                var first = Position(lead.Scorers, next);
                if (first >= to)
                {
                    return true;
                }

                if (stop())
                {
                    return false;
                }

                // Windows start on a multiple of 64 so the filter's bit set is ANDed word by word.
                var origin = first & ~63;
                var start = Math.Max(origin, next);
                var end = (int)Math.Min((long)origin + Window, to);
                var words = ((end - origin) + 63) >> 6;
                Scan(lead, origin, start, end);
                Array.Copy(_bits[lead.Index], _candidates, words);
                var left = Count(_candidates, words);
                for (var c = 1; c < ordered.Length && left > 0; c++)
                {
                    var clause = ordered[c];
                    if (left * ProbeCost < clause.Cost * (end - start) / maxDoc)
                    {
                        Probe(clause, origin, end, words);
                    }
                    else
                    {
                        Scan(clause, origin, start, end);
                    }

                    left = And(_candidates, _bits[clause.Index], words);
                }

                if (left > 0 && excluded.Length > 0)
                {
                    Array.Clear(_excluded, 0, words);
                    foreach (var scorer in excluded)
                    {
                        if (left * ProbeCost < excludedCost * (end - start) / maxDoc)
                        {
                            MarkProbed(scorer, _candidates, _excluded, origin, end, words);
                        }
                        else
                        {
                            MarkScanned(scorer, _excluded, origin, start, end);
                        }
                    }

                    left = AndNot(_candidates, _excluded, words);
                }

                if (left > 0 && filterWords is not null)
                {
                    left = And(_candidates, filterWords, origin >> 6, words);
                }
                else if (left > 0 && filterIterator is not null)
                {
                    Array.Clear(_excluded, 0, words);
                    MarkProbed(filterIterator, _candidates, _excluded, origin, end, words);
                    left = And(_candidates, _excluded, words);
                }

                if (left > 0)
                {
                    Emit(ordered, origin, words, filterBits, top, facets);
                }

                next = end;
            }
        }

        private void Emit(Clause[] ordered, int origin, int words, IBits? filterBits, ITopDocsCollector top, FacetCounter? facets)
        {
            for (var w = 0; w < words; w++)
            {
                var word = _candidates[w];
                while (word != 0)
                {
                    var i = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    var doc = origin + i;
                    if (filterBits is not null && !filterBits.Get(doc))
                    {
                        _candidates[w] &= ~(1UL << (i & 63)); // not a hit: not counted in the facets either
                        continue;
                    }

                    var score = 0f;
                    foreach (var clause in ordered)
                    {
                        var max = _max[clause.Index][i];
                        score += max + ((_sum[clause.Index][i] - max) * _plan._tieBreakers[clause.Index]);
                    }

                    _holder.Doc = doc;
                    _holder.Score = score;
                    top.Collect(doc);
                }
            }

            facets?.CountWindow(_candidates, words, origin);
        }

        /// <summary>Reads each of the clause's fields straight through [start, end): bits, best score, sum of scores.</summary>
        private void Scan(Clause clause, int origin, int start, int end)
        {
            var bits = _bits[clause.Index];
            var max = _max[clause.Index];
            var sum = _sum[clause.Index];
            Array.Clear(bits, 0, ((end - origin) + 63) >> 6);
            foreach (var scorer in clause.Scorers)
            {
                var doc = scorer.DocID;
                if (doc < start)
                {
                    doc = scorer.Advance(start);
                }

                while (doc < end)
                {
                    Add(bits, max, sum, doc - origin, scorer.GetScore());
                    doc = scorer.NextDoc();
                }
            }
        }

        /// <summary>Advances each of the clause's fields to each candidate left, instead of reading the whole window.</summary>
        private void Probe(Clause clause, int origin, int end, int words)
        {
            var bits = _bits[clause.Index];
            var max = _max[clause.Index];
            var sum = _sum[clause.Index];
            Array.Clear(bits, 0, words);
            foreach (var scorer in clause.Scorers)
            {
                var doc = scorer.DocID;
                for (var w = 0; w < words && doc < end; w++)
                {
                    var word = _candidates[w];
                    while (word != 0)
                    {
                        var i = (w << 6) + BitOperations.TrailingZeroCount(word);
                        word &= word - 1;
                        var target = origin + i;
                        if (doc < target)
                        {
                            doc = scorer.Advance(target);
                        }

                        if (doc == target)
                        {
                            Add(bits, max, sum, i, scorer.GetScore());
                        }
                        else if (doc >= end)
                        {
                            break;
                        }
                    }
                }
            }
        }

        private static void Add(ulong[] bits, float[] max, float[] sum, int i, float score)
        {
            ref var word = ref bits[i >> 6];
            var mask = 1UL << i;
            if ((word & mask) == 0)
            {
                word |= mask;
                max[i] = score;
                sum[i] = score;
            }
            else
            {
                // DisjunctionMaxScorer: the sum of all fields and the best one.
                sum[i] += score;
                max[i] = Math.Max(max[i], score);
            }
        }

        /// <summary>The first document at or after <paramref name="target"/> on which any of the scorers is.</summary>
        private static int Position(Scorer[] scorers, int target)
        {
            var first = DocIdSetIterator.NO_MORE_DOCS;
            foreach (var scorer in scorers)
            {
                var doc = scorer.DocID;
                if (doc < target)
                {
                    doc = scorer.Advance(target);
                }

                first = Math.Min(first, doc);
            }

            return first;
        }

        private static void MarkScanned(DocIdSetIterator iterator, ulong[] marks, int origin, int start, int end)
        {
            var doc = iterator.DocID;
            if (doc < start)
            {
                doc = iterator.Advance(start);
            }

            while (doc < end)
            {
                var i = doc - origin;
                marks[i >> 6] |= 1UL << i;
                doc = iterator.NextDoc();
            }
        }

        private static void MarkProbed(DocIdSetIterator iterator, ulong[] candidates, ulong[] marks, int origin, int end, int words)
        {
            var doc = iterator.DocID;
            for (var w = 0; w < words && doc < end; w++)
            {
                var word = candidates[w];
                while (word != 0)
                {
                    var i = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    var target = origin + i;
                    if (doc < target)
                    {
                        doc = iterator.Advance(target);
                    }

                    if (doc == target)
                    {
                        marks[i >> 6] |= 1UL << i;
                    }
                    else if (doc >= end)
                    {
                        break;
                    }
                }
            }
        }

        private static int Count(ulong[] bits, int words)
        {
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                count += BitOperations.PopCount(bits[w]);
            }

            return count;
        }

        private static int And(ulong[] into, ulong[] other, int words)
        {
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                into[w] &= other[w];
                count += BitOperations.PopCount(into[w]);
            }

            return count;
        }

        private static int And(ulong[] into, ulong[] other, int offset, int words)
        {
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                into[w] &= offset + w < other.Length ? other[offset + w] : 0;
                count += BitOperations.PopCount(into[w]);
            }

            return count;
        }

        private static int AndNot(ulong[] into, ulong[] other, int words)
        {
            var count = 0;
            for (var w = 0; w < words; w++)
            {
                into[w] &= ~other[w];
                count += BitOperations.PopCount(into[w]);
            }

            return count;
        }
    }

    /// <summary>One MUST clause in a segment: its fields' scorers and their postings added up.</summary>
    private sealed record Clause(int Index, Scorer[] Scorers, long Cost);

    /// <summary>What the collectors see as the scorer: the current document's score, computed by the window.</summary>
    private sealed class ScoreHolder() : Scorer(null!)
    {
        public int Doc { get; set; } = -1;

        public float Score { get; set; }

        public override int DocID => Doc;

        public override int Freq => 1;

        public override float GetScore() => Score;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 1;
    }
}
