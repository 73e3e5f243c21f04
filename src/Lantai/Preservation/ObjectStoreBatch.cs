namespace Lantai.Preservation;

/// <summary>
/// Objects written together: each <see cref="AddAsync(Stream, bool, CancellationToken)"/> streams one file in
/// (computing SM3 and SHA-256 in the same read), each <see cref="AddFileAsync"/> takes a file that is already on the
/// store's file system without copying it; <see cref="CommitAsync"/> makes all of them durable under their final names
/// at once. Nothing added is visible under its final name before the commit; an abandoned batch leaves only temporary
/// files, removed on dispose or by the next start (<see cref="ObjectStore.RecoverAsync"/>), and the taken files where
/// they were.
/// </summary>
public sealed class ObjectStoreBatch : IAsyncDisposable
{
    private readonly ObjectStore _store;
    private readonly Lock _gate = new();
    private readonly List<PendingObject> _pending = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _closed;
    private bool? _linkable;

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

        var already = !Pend(digests.Sm3, final => new PendingObject(temp, null, final));
        if (already)
        {
            TryDelete(temp);
        }

        return new StoredDigests(digests.Sm3, digests.Sha256, digests.Length, already);
    }

    /// <summary>
    /// Takes the file at <paramref name="path"/> into the store without copying it: its digests are computed where it
    /// is, and the commit gives it its final name as a second hard link (link(2)) to the same bytes, made durable before
    /// the name exists. The file stays where it was (the caller removes its own name once the objects are recorded; a
    /// crash before that leaves it for a resumed run, which finds the object stored already). For files nothing writes
    /// to any more, such as a transfer's staged content: what is stored is the file whose digests were computed, and a
    /// store object is never rewritten. Where a hard link is not possible (another file system, Windows) the file is
    /// copied as <see cref="AddAsync(Stream, bool, CancellationToken)"/> does.
    /// </summary>
    public async Task<StoredDigests> AddFileAsync(string path, bool oneThread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ObjectDisposedException.ThrowIf(_closed, this);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        ContentDigests digests;
        if (!CanLink(path))
        {
            await using var copied = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            return await AddAsync(copied, oneThread, cancellationToken);
        }

        if (oneThread)
        {
            digests = DualDigest.OfFile(handle, cancellationToken);
        }
        else
        {
            await using var source = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            digests = await DualDigest.ComputeAsync(source, cancellationToken);
        }

        var already = !Pend(digests.Sm3, final => new PendingObject(null, Path.GetFullPath(path), final));
        return new StoredDigests(digests.Sm3, digests.Sha256, digests.Length, already);
    }

    /// <summary>Adds the object to the commit unless the store or this batch has it already; false when it had.</summary>
    private bool Pend(string sm3, Func<string, PendingObject> pending)
    {
        var final = _store.PathOf(sm3);
        lock (_gate)
        {
            if (!_seen.Add(sm3) || File.Exists(final))
            {
                return false;
            }

            _pending.Add(pending(final));
            return true;
        }
    }

    /// <summary>Whether a file next to <paramref name="path"/> can be hard-linked into the store: tried once per batch.</summary>
    private bool CanLink(string path)
    {
        lock (_gate)
        {
            if (_linkable is { } known)
            {
                return known;
            }
        }

        var probe = Path.Combine(_store.SessionDirectory(), Guid.NewGuid().ToString("N") + ".link");
        var linkable = NativeLink.Create(path, probe) == 0;
        if (linkable)
        {
            File.Delete(probe);
        }

        lock (_gate)
        {
            _linkable ??= linkable;
            return _linkable.Value;
        }
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
            // The data of every temporary and taken file (same file system, or it could not be linked), before any name
            // points at it.
            FileSync.SyncFileSystem(_store.Root);
        }
        else
        {
            foreach (var item in items.Where(i => i.Source is not null))
            {
                FileSync.SyncFile(item.Source!);
            }
        }

        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var leaf = Path.GetDirectoryName(item.Final)!;
            CreateLeaf(leaf, directories);

            if (item.Source is not null)
            {
                // A second name for the taken file; a name taken already is the same content (stored meanwhile by
                // another batch, or by a run that crashed before recording it).
                var error = NativeLink.Create(item.Source, item.Final);
                if (error != 0 && error != NativeLink.AlreadyExists)
                {
                    throw new IOException($"link({item.Source}, {item.Final}) failed: errno {error}");
                }
            }
            else
            {
                try
                {
                    File.Move(item.Temp!, item.Final, overwrite: false);
                }
                catch (IOException) when (File.Exists(item.Final))
                {
                    // Stored meanwhile by another batch: same name, same content.
                    TryDelete(item.Temp!);
                }
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

    /// <summary>
    /// Creates the object's two-level folder where missing, noting in <paramref name="created"/> the folders whose
    /// entries changed (to fsync when not syncing the whole file system). Most objects of a large batch land in a new
    /// leaf folder: one mkdir(2) each, trying the leaf first, instead of stats of both levels before creating it.
    /// </summary>
    private void CreateLeaf(string leaf, HashSet<string> created)
    {
        var level1 = Path.GetDirectoryName(leaf)!;
        if (!FileSync.IsAvailable)
        {
            if (!Directory.Exists(leaf))
            {
                if (!Directory.Exists(level1))
                {
                    created.Add(_store.Root);
                }

                Directory.CreateDirectory(leaf);
                created.Add(level1);
            }

            return;
        }

        var error = FileSync.MakeFolder(leaf);
        if (error == FileSync.NoSuchEntry)
        {
            error = FileSync.MakeFolder(level1);
            if (error is not (0 or FileSync.AlreadyExists))
            {
                throw new IOException($"mkdir({level1}) failed: errno {error}");
            }

            if (error == 0)
            {
                created.Add(_store.Root);
            }

            error = FileSync.MakeFolder(leaf);
        }

        if (error == 0)
        {
            created.Add(level1);
        }
        else if (error != FileSync.AlreadyExists)
        {
            throw new IOException($"mkdir({leaf}) failed: errno {error}");
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

        foreach (var item in items.Where(i => i.Temp is not null))
        {
            TryDelete(item.Temp!);
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

    /// <summary>An object to name at the commit: a temporary file to rename, or a taken file (Source) to link.</summary>
    private sealed record PendingObject(string? Temp, string? Source, string Final);
}
