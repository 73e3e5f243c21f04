namespace Lantai.Preservation;

/// <summary>
/// Objects written together: each <see cref="AddAsync"/> streams one file in (computing SM3 and SHA-256 in the same
/// read); <see cref="CommitAsync"/> makes all of them durable under their final names at once. Nothing added is
/// visible under its final name before the commit; an abandoned batch leaves only temporary files, removed on dispose
/// or by the next start.
/// </summary>
public sealed class ObjectStoreBatch : IAsyncDisposable
{
    public Task<StoredDigests> AddAsync(Stream content, CancellationToken cancellationToken) => throw new NotImplementedException("H1");

    public Task CommitAsync(CancellationToken cancellationToken) => throw new NotImplementedException("H1");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
