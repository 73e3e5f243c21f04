namespace Lantai.Search;

/// <summary>
/// Where the index's reading of the outbox stands. Ids are handed out when a row is inserted but become visible when its
/// transaction commits, so on PostgreSQL a later id can be seen before an earlier one (SQLite serialises writers: no
/// gaps there). An id missing below the highest one read is a gap: it is re-read every round until it appears (its
/// transaction committed) or <see cref="GapTimeout"/> passes (it was rolled back). The cursor committed with the index
/// is the last id below every open gap, so a restart re-reads from there and loses nothing; re-applying an entry is
/// harmless (documents are replaced by id).
/// </summary>
internal sealed class OutboxTracker(long committed)
{
    public static readonly TimeSpan GapTimeout = TimeSpan.FromMinutes(1);

    private readonly List<Gap> _gaps = [];

    /// <summary>The highest id read and applied.</summary>
    public long ReadUpTo { get; private set; } = committed;

    /// <summary>The id the index may commit as its cursor: everything at or below it is applied.</summary>
    public long SafeCursor => _gaps.Count == 0 ? ReadUpTo : _gaps.Min(g => g.From) - 1;

    public IReadOnlyList<(long From, long To)> OpenGaps => _gaps.Select(g => (g.From, g.To)).ToList();

    /// <summary>Records the ids of a batch read after <see cref="ReadUpTo"/> (ascending); the holes between them are gaps.</summary>
    public void Read(IEnumerable<long> ids, DateTimeOffset now)
    {
        foreach (var id in ids)
        {
            if (id > ReadUpTo + 1)
            {
                _gaps.Add(new Gap(ReadUpTo + 1, id - 1, now));
            }

            ReadUpTo = Math.Max(ReadUpTo, id);
        }
    }

    /// <summary>Adds known gaps (a rebuild starting at an id with holes below it).</summary>
    public void AddGap(long from, long to, DateTimeOffset now)
    {
        if (from <= to)
        {
            _gaps.Add(new Gap(from, to, now));
        }
    }

    /// <summary>Marks ids found inside gaps as applied; a gap whose every id has appeared is closed.</summary>
    public void Filled(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            for (var i = 0; i < _gaps.Count; i++)
            {
                var g = _gaps[i];
                if (id < g.From || id > g.To)
                {
                    continue;
                }

                _gaps.RemoveAt(i);
                if (id > g.From)
                {
                    _gaps.Add(g with { To = id - 1 });
                }

                if (id < g.To)
                {
                    _gaps.Add(g with { From = id + 1 });
                }

                break;
            }
        }
    }

    /// <summary>Closes the gaps open longer than <see cref="GapTimeout"/>; true when any was closed.</summary>
    public bool Expire(DateTimeOffset now) => _gaps.RemoveAll(g => now - g.Since > GapTimeout) > 0;

    private sealed record Gap(long From, long To, DateTimeOffset Since);
}
