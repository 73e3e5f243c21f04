using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lantai.Search.Query;

/// <summary>
/// Stops collecting when the time limit passes or the caller cancels. Our own rather than TimeLimitingCollector,
/// which needs a global timer thread; the clock is read every 256 hits, cheap next to scoring them.
/// </summary>
internal sealed class GuardedCollector(ICollector inner, TimeSpan limit, CancellationToken cancellationToken) : ICollector
{
    private const int CheckEvery = 256;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _sinceCheck;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Check();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCheck >= CheckEvery)
        {
            _sinceCheck = 0;
            Check();
        }

        inner.Collect(doc);
    }

    private void Check()
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetElapsedTime(_started) > limit)
        {
            throw new SearchTimeLimitExceededException();
        }
    }
}
