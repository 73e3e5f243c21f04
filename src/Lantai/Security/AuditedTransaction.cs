using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lantai.Security;

/// <summary>
/// A database transaction in which changes and their audit entries commit together (DESIGN.md §3: every change keeps
/// who/when/what). Appends to the hash chain are serialised: a gate per database in this process, plus an advisory lock on PostgreSQL
/// and an immediate (write-locking) transaction on SQLite for other processes, so two writers never fork the chain.
/// </summary>
public sealed class AuditedTransaction : IAsyncDisposable
{
    private const long PostgresAdvisoryLockKey = 0x4C616E746169; // "Lantai"
    // One gate per database (by connection string): writers of the same chain wait for each other, others do not.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private readonly LantaiDbContext _db;
    private readonly SemaphoreSlim _gate;
    private readonly IDbContextTransaction _transaction;
    private readonly TimeProvider _time;
    private readonly string _actor;
    private List<AuditEntry>? _untracked;
    private long _sequence;
    private string _previousHash;
    private bool _released;

    private AuditedTransaction(LantaiDbContext db, SemaphoreSlim gate, IDbContextTransaction transaction, TimeProvider time, string actor, long sequence, string previousHash)
    {
        _db = db;
        _gate = gate;
        _transaction = transaction;
        _time = time;
        _actor = actor;
        _sequence = sequence;
        _previousHash = previousHash;
    }

    public LantaiDbContext Db => _db;

    public IDbContextTransaction Transaction => _transaction;

    public static async Task<AuditedTransaction> BeginAsync(LantaiDbContext db, TimeProvider time, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresAdvisoryLockKey})", cancellationToken);
            }

            var tail = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            return new AuditedTransaction(db, gate, transaction, time, actor, tail?.Sequence ?? 0, tail?.Hash ?? AuditChain.GenesisHash);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Adds an audit entry to the transaction; <paramref name="before"/> and <paramref name="after"/> are serialised as JSON.</summary>
    public AuditEntry Record(string action, string entityType, string? entityId, string? summary, object? before = null, object? after = null)
    {
        var entry = Entry(action, entityType, entityId, summary, before, after);
        _db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// As <see cref="Record"/>, for a transaction that writes its other rows by the bulk path (the transfer ingest, one
    /// entry per batch): the entry is not tracked and goes in at the commit by that path too. EF's change tracking and
    /// update pipeline for one row per batch were most of what the JIT compiled again at its higher tiers in a fresh
    /// process. Same row, same chain.
    /// </summary>
    internal AuditEntry RecordUntracked(string action, string entityType, string? entityId, string? summary, object? before = null, object? after = null)
    {
        var entry = Entry(action, entityType, entityId, summary, before, after);
        (_untracked ??= []).Add(entry);
        return entry;
    }

    private AuditEntry Entry(string action, string entityType, string? entityId, string? summary, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            Sequence = ++_sequence,
            // PostgreSQL keeps microseconds: truncate so the hash computed now equals the one verified later.
            At = TruncateToMicroseconds(_time.GetUtcNow()),
            Actor = _actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            Before = before is null ? null : JsonSerializer.Serialize(before, JsonOptions),
            After = after is null ? null : JsonSerializer.Serialize(after, JsonOptions),
            PreviousHash = _previousHash,
            Hash = "",
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        _previousHash = entry.Hash;
        return entry;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_untracked is { Count: > 0 })
        {
            await BulkRows.InsertAsync(_db, _untracked, cancellationToken);
            _untracked.Clear();
        }

        await _db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (!_released)
        {
            _released = true;
            _gate.Release();
        }
    }

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}
