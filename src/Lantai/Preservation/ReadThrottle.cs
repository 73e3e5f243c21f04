namespace Lantai.Preservation;

/// <summary>
/// Holds reads to a rate (megabytes of 10^6 bytes per second) over a whole run, so the fixity audit leaves the disk
/// to the people using the archive. Zero or less means no limit. Used by one reader at a time.
/// </summary>
public sealed class ReadThrottle
{
    private readonly double _bytesPerSecond;
    private readonly TimeProvider _time;
    private readonly long _start;
    private long _bytes;

    public ReadThrottle(double megabytesPerSecond, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _bytesPerSecond = megabytesPerSecond * 1_000_000;
        _time = time;
        _start = time.GetTimestamp();
    }

    public bool Unlimited => _bytesPerSecond <= 0;

    public async ValueTask ConsumeAsync(int bytes, CancellationToken cancellationToken)
    {
        if (Unlimited || bytes <= 0)
        {
            return;
        }

        _bytes += bytes;
        var due = TimeSpan.FromSeconds(_bytes / _bytesPerSecond);
        var ahead = due - _time.GetElapsedTime(_start);
        if (ahead > TimeSpan.FromMilliseconds(5))
        {
            await Task.Delay(ahead, _time, cancellationToken);
        }
    }
}
