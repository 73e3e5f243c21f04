using Lantai.Data;

namespace Lantai.Preservation;

/// <summary>
/// The content-addressed preservation store under {DataDir}/store: each object named by its SM3 digest, written to a
/// temporary file, made durable, then renamed into place (DESIGN.md §3).
/// Layout: store/&lt;sm3[0..2]&gt;/&lt;sm3[2..4]&gt;/&lt;sm3&gt;, two levels of 256 directories. At 100 million objects a leaf
/// holds about 1,500 names, small enough for ls, backup tools and any file system; one level would put 400,000 in
/// each. Temporary files live in store/tmp/&lt;session&gt;/ on the same file system (so the rename is atomic), one session
/// directory per process, guarded by a lock file (flock) held while the process lives: <see cref="RecoverAsync"/>
/// removes only the sessions whose owner is gone, so a CLI ingest and the web server can share a store.
/// </summary>
public sealed class ObjectStore(DatabaseOptions options) : IDisposable
{
    private readonly Lock _sessionGate = new();
    private FileStream? _sessionLock;
    private string? _session;

    public string Root { get; } = Path.Combine(options?.DataDir ?? throw new ArgumentNullException(nameof(options)), "store");

    internal string TempRoot => Path.Combine(Root, "tmp");

    /// <summary>syncfs where Linux offers it (measured faster for batches of small files), else per-file fsync.</summary>
    public StoreSyncMode SyncMode { get; set; } = FileSync.IsAvailable ? StoreSyncMode.SyncFs : StoreSyncMode.PerFile;

    /// <summary>Where the object with this SM3 digest lives (whether or not it exists).</summary>
    public string PathOf(string sm3)
    {
        if (!IsDigest(sm3))
        {
            throw new ArgumentException("not a lower-case hex SM3 digest", nameof(sm3));
        }

        return Path.Combine(Root, sm3[..2], sm3[2..4], sm3);
    }

    /// <summary>A batch of puts made durable together by <see cref="ObjectStoreBatch.CommitAsync"/>.</summary>
    public ObjectStoreBatch BeginBatch() => new(this);

    /// <summary>Opens a stored object for reading; throws FileNotFoundException when it is not there.</summary>
    public FileStream OpenRead(string sm3) =>
        new(PathOf(sm3), new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0, Options = FileOptions.SequentialScan });

    public Task<bool> ExistsAsync(string sm3, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(PathOf(sm3)));
    }

    /// <summary>Recomputes both digests of a stored object and compares them (and the length) with the stored ones.</summary>
    public async Task<FixityOutcome> VerifyAsync(StoredObject stored, CancellationToken cancellationToken) =>
        (await CheckAsync(stored, null, cancellationToken)).Outcome;

    /// <summary>As <see cref="VerifyAsync"/>, with the digests found and an optional read throttle.</summary>
    public async Task<FixityVerification> CheckAsync(StoredObject stored, ReadThrottle? throttle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        FileStream file;
        try
        {
            file = OpenRead(stored.Sm3);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FixityVerification(FixityOutcome.Missing, null);
        }

        ContentDigests found;
        await using (file)
        {
            Stream source = throttle is null || throttle.Unlimited ? file : new ThrottledReadStream(file, throttle);
            found = await DualDigest.ComputeAsync(source, cancellationToken);
        }

        var intact = found.Length == stored.Length
            && string.Equals(found.Sm3, stored.Sm3, StringComparison.Ordinal)
            && string.Equals(found.Sha256, stored.Sha256, StringComparison.OrdinalIgnoreCase);
        return new FixityVerification(intact ? FixityOutcome.Intact : FixityOutcome.Mismatch, found);
    }

    /// <summary>
    /// Removes the temporary files of sessions that ended without committing (a crash, a kill): called by the hosts at
    /// start. Returns how many files were removed. Safe while other processes use the store: live sessions hold their lock.
    /// </summary>
    public Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(TempRoot))
        {
            return Task.FromResult(0);
        }

        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(TempRoot))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (string.Equals(directory, _session, StringComparison.Ordinal))
            {
                continue;
            }

            var lockPath = directory + ".lock";
            FileStream? held = null;
            try
            {
                held = File.Exists(lockPath) ? new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None) : null;
            }
            catch (IOException)
            {
                continue; // its process is alive and still holds the lock
            }

            using (held)
            {
                var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
                Directory.Delete(directory, recursive: true);
                removed += files.Length;
            }

            File.Delete(lockPath);
        }

        foreach (var lockPath in Directory.EnumerateFiles(TempRoot, "*.lock"))
        {
            if (!Directory.Exists(Path.ChangeExtension(lockPath, null)) && !string.Equals(lockPath, _session + ".lock", StringComparison.Ordinal))
            {
                try
                {
                    using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                    }

                    File.Delete(lockPath);
                }
                catch (IOException)
                {
                    // held: a process between creating its lock and its directory
                }
            }
        }

        return Task.FromResult(removed);
    }

    /// <summary>This process's temporary directory, created (and locked) on first use.</summary>
    internal string SessionDirectory()
    {
        lock (_sessionGate)
        {
            if (_session is not null)
            {
                return _session;
            }

            Directory.CreateDirectory(TempRoot);
            var session = Path.Combine(TempRoot, Guid.NewGuid().ToString("N"));
            // Lock first, directory second: recovery never sees a directory of a live session without its held lock.
            _sessionLock = new FileStream(session + ".lock", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            Directory.CreateDirectory(session);
            _session = session;
            return session;
        }
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    internal static bool IsDigest(string? value) =>
        value is { Length: 64 } && value.AsSpan().IndexOfAnyExcept(HexDigits) < 0;

    /// <summary>Releases the session lock; uncommitted temporary files stay for the next <see cref="RecoverAsync"/>.</summary>
    public void Dispose()
    {
        lock (_sessionGate)
        {
            _sessionLock?.Dispose();
            _sessionLock = null;
        }
    }
}
