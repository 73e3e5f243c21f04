namespace Lantai.Preservation;

/// <summary>
/// Objects written together: each <see cref="AddAsync"/> streams one file in (computing SM3 and SHA-256 in the same
/// read); <see cref="CommitAsync"/> makes all of them durable under their final names at once. Nothing added is
/// visible under its final name before the commit; an abandoned batch leaves only temporary files, removed on dispose
/// or by the next start (<see cref="ObjectStore.RecoverAsync"/>).
/// </summary>
public sealed class ObjectStoreBatch : IAsyncDisposable
{
    private readonly ObjectStore _store;
    private readonly Lock _gate = new();
    private readonly List<PendingObject> _pending = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _closed;

    internal ObjectStoreBatch(ObjectStore store) => _store = store;

    /// <summary>
    /// Streams <paramref name="content"/> to a temporary file while computing its digests. AlreadyStored is true when
    /// the store already holds the object or this batch already added it: nothing new is written then (content-addressed
    /// dedupe). The caller still decides from its database whether a StoredObject row exists.
    /// </summary>
    public Task<StoredDigests> AddAsync(Stream content, CancellationToken cancellationToken) => AddAsync(content, oneThread: false, cancellationToken);

    /// <summary>
    /// As <see cref="AddAsync(Stream, CancellationToken)"/>; with <paramref name="oneThread"/> both digests are computed
    /// on the calling thread (for callers adding two small files at once; adds may run concurrently).
    /// </summary>
    public async Task<StoredDigests> AddAsync(Stream content, bool oneThread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ObjectDisposedException.ThrowIf(_closed, this);
        var temp = Path.Combine(_store.SessionDirectory(), Guid.NewGuid().ToString("N"));
        ContentDigests digests;
        try
        {
            var expected = content.CanSeek ? Math.Max(content.Length - content.Position, 0) : 0;
            var file = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0, // DualDigest writes whole blocks; a second buffer would only copy them again
                PreallocationSize = expected, // one extent for a large file where the file system can
            });
            await using (file)
            {
                digests = oneThread
                    ? await DualDigest.CopyOnOneThreadAsync(content, file, cancellationToken)
                    : await DualDigest.CopyAsync(content, file, includeMd5: false, cancellationToken);
                if (_store.SyncMode == StoreSyncMode.PerFile)
                {
                    file.Flush(flushToDisk: true);
                }
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        var final = _store.PathOf(digests.Sm3);
        bool already;
        lock (_gate)
        {
            already = !_seen.Add(digests.Sm3) || File.Exists(final);
            if (!already)
            {
                _pending.Add(new PendingObject(temp, final));
            }
        }

        if (already)
        {
            TryDelete(temp);
        }

        return new StoredDigests(digests.Sm3, digests.Sha256, digests.Length, already);
    }

    /// <summary>
    /// Makes every added object durable under its final name: data synced, renamed into place, directories synced.
    /// When this returns, a power cut loses none of them; the caller may then record them in the database.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        PendingObject[] items;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            items = [.. _pending];
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (items.Length > 0)
        {
            // Blocking system calls: keep them off the caller's thread. Not cancelled half-way: a rename done is done.
            await Task.Run(() => MakeDurable(items), CancellationToken.None);
        }

        lock (_gate)
        {
            _pending.Clear();
            _closed = true;
        }
    }

    private void MakeDurable(PendingObject[] items)
    {
        var syncFs = _store.SyncMode == StoreSyncMode.SyncFs;
        if (syncFs)
        {
            FileSync.SyncFileSystem(_store.Root); // the data of every temporary file, before any name points at it
        }

        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var leaf = Path.GetDirectoryName(item.Final)!;
            if (!Directory.Exists(leaf))
            {
                var level1 = Path.GetDirectoryName(leaf)!;
                if (!Directory.Exists(level1))
                {
                    directories.Add(_store.Root);
                }

                Directory.CreateDirectory(leaf);
                directories.Add(level1);
            }

            try
            {
                File.Move(item.Temp, item.Final, overwrite: false);
            }
            catch (IOException) when (File.Exists(item.Final))
            {
                // Stored meanwhile by another batch: same name, same content.
                TryDelete(item.Temp);
            }

            directories.Add(leaf);
        }

        if (syncFs)
        {
            FileSync.SyncFileSystem(_store.Root); // every rename and new directory in one journal commit
        }
        else
        {
            foreach (var directory in directories)
            {
                FileSync.SyncDirectory(directory);
            }
        }
    }

    /// <summary>Without a commit, removes the temporary files: nothing of the batch remains.</summary>
    public ValueTask DisposeAsync()
    {
        PendingObject[] items;
        lock (_gate)
        {
            items = [.. _pending];
            _pending.Clear();
            _closed = true;
        }

        foreach (var item in items)
        {
            TryDelete(item.Temp);
        }

        return ValueTask.CompletedTask;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // left for RecoverAsync at the next start
        }
    }

    private sealed record PendingObject(string Temp, string Final);
}
