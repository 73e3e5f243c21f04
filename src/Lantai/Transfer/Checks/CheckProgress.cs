namespace Lantai.Transfer.Checks;

/// <summary>
/// How far the running check item has got through the files, for the job's progress message: an item over ten
/// thousand files (readability, digests, signatures) runs for many seconds, and a bar that only names it looks stuck.
/// The engine points it at the running item; checks that go file by file call <see cref="FileDone"/>.
/// </summary>
public sealed class CheckProgress
{
    private Action<int>? _report;
    private int _done;

    /// <summary>Starts counting for the next item; <paramref name="report"/> receives the count every 100 files.</summary>
    public void Begin(Action<int>? report)
    {
        _report = report;
        Interlocked.Exchange(ref _done, 0);
    }

    /// <summary>One more file judged (thread-safe: checks judge one file per core).</summary>
    public void FileDone()
    {
        var done = Interlocked.Increment(ref _done);
        if (done % 100 == 0)
        {
            _report?.Invoke(done);
        }
    }
}
