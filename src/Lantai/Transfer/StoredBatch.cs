using Lantai.Preservation;

namespace Lantai.Transfer;

/// <summary>A batch of an ingest whose files are in the store and being made durable (<see cref="Durable"/>), its rows not yet written.</summary>
internal sealed class StoredBatch(List<TransferItem> items, List<TransferFile> files, Dictionary<Guid, StoredDigests> digests, ObjectStoreBatch objects, Task durable) : IAsyncDisposable
{
    public List<TransferItem> Items { get; } = items;

    public List<TransferFile> Files { get; } = files;

    public Dictionary<Guid, StoredDigests> Digests { get; } = digests;

    /// <summary>Completes when every object of the batch is durable under its final name.</summary>
    public Task Durable { get; } = durable;

    public async ValueTask DisposeAsync()
    {
        // Never leave a commit running behind the batch's back; its failure, if any, was seen by whoever awaited it.
        await Durable.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await objects.DisposeAsync();
    }
}
