namespace Lantai.Catalogue.Import;

/// <summary>Writes imported records into the open transaction by the provider's fastest path (not EF change tracking).</summary>
internal interface IRecordWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<Record> records, CancellationToken cancellationToken);

    /// <summary>Ends any bulk operation in progress so the connection can run other commands (EF SaveChanges).</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
