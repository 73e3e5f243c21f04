namespace Lantai.Preservation;

/// <summary>
/// Links an ingest to the AIP keeper that follows it in the same process: the ingest says when a batch of records (and
/// their aip.wanted messages) has been committed and when it has ended, so the keeper writes the AIPs of committed
/// batches while the next ones are still being ingested (on the second core; the ingest of small files keeps about one
/// busy) and stops once the ingest has ended and nothing is left. The messages stay the only record of what is wanted:
/// the feed only wakes the keeper, so a lost signal costs a delay, never an AIP.
/// </summary>
public sealed class AipFeed
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiter;
    private bool _signalled;
    private volatile bool _ended;

    /// <summary>Whether the ingest has ended: what is wanted now is all there will be.</summary>
    public bool Ended => _ended;

    /// <summary>Records were committed with their aip.wanted messages.</summary>
    public void Committed()
    {
        lock (_gate)
        {
            if (_waiter is { } waiter)
            {
                _waiter = null;
                waiter.TrySetResult();
            }
            else
            {
                _signalled = true;
            }
        }
    }

    /// <summary>The ingest has ended (finished, failed or cancelled): no more records will come.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            _waiter?.TrySetResult();
            _waiter = null;
        }
    }

    /// <summary>Waits until records are committed after the last wait, or the ingest ends.</summary>
    internal Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_signalled || _ended)
            {
                _signalled = false;
                return Task.CompletedTask;
            }

            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task.WaitAsync(cancellationToken);
        }
    }
}
