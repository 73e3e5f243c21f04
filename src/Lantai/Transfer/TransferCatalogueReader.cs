using Lantai.Data;

namespace Lantai.Transfer;

/// <summary>
/// Reads a package's catalogue (目录.xlsx/.csv): the catalogue import's columns, readers and checks, plus the 文件 column.
/// Builds the records against the current catalogue (件号, 档号, codes already taken) but stores nothing.
/// </summary>
public sealed class TransferCatalogueReader(LantaiDbContext db, TimeProvider time)
{
    public Task<TransferCatalogue> ReadAsync(string path, string fileName, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"H2 {db} {time}");
}
