using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Search.Content;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search;

/// <summary>
/// Streams records into a <see cref="DocumentFeeder"/> in chunks: for each chunk one query for the files (only when the
/// archive has any), one call per OCR source, then each record with its org unit's name. Never holds more than a chunk,
/// so an import of a million records is indexed in flat memory.
/// </summary>
internal sealed class RecordFeed
{
    public const int ChunkSize = 1000;

    private readonly LantaiDbContext _db;
    private readonly RecordContent _content;
    private readonly Dictionary<(FondsId, string), string> _orgNames;
    private readonly bool _hasFiles;

    private RecordFeed(LantaiDbContext db, RecordContent content, Dictionary<(FondsId, string), string> orgNames, bool hasFiles)
    {
        _db = db;
        _content = content;
        _orgNames = orgNames;
        _hasFiles = hasFiles;
    }

    public static async Task<RecordFeed> CreateAsync(LantaiDbContext db, RecordContent content, CancellationToken cancellationToken)
    {
        var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.FondsId, o.Code, o.Name }).ToListAsync(cancellationToken);
        var names = new Dictionary<(FondsId, string), string>();
        foreach (var u in units)
        {
            names.TryAdd((u.FondsId, u.Code), u.Name);
        }

        return new RecordFeed(db, content, names, await db.RecordFiles.AnyAsync(cancellationToken));
    }

    /// <summary>
    /// The columns a search document is built from (<see cref="SearchDocumentBuilder"/>, the org unit's name by fonds and
    /// code), without change tracking: the catalogue's bookkeeping columns (timestamps, group key, import, volume, version)
    /// are neither read nor materialised, which on SQLite (timestamps stored as text) is a third of the reading cost.
    /// The records are for indexing only: the fields not read keep their defaults.
    /// </summary>
    public static IQueryable<Record> ForIndexing(IQueryable<Record> records) =>
        records.AsNoTracking().Select(r => new Record
        {
            Id = r.Id,
            FondsId = r.FondsId,
            FondsCode = r.FondsCode,
            CategoryCode = r.CategoryCode,
            Year = r.Year,
            RetentionCode = r.RetentionCode,
            OrgUnitCode = r.OrgUnitCode,
            GroupKey = "",
            ArchivalCode = r.ArchivalCode,
            Title = r.Title,
            Author = r.Author,
            DocumentNumber = r.DocumentNumber,
            Date = r.Date,
            Classification = r.Classification,
            Carrier = r.Carrier,
            Remarks = r.Remarks,
            OpenStatus = r.OpenStatus,
        });

    /// <summary>Posts every record of <paramref name="records"/> (read as it streams); returns how many.</summary>
    public async Task<long> PostAllAsync(IAsyncEnumerable<Record> records, DocumentFeeder feeder, Action<long>? progress, CancellationToken cancellationToken)
    {
        var chunk = new List<Record>(ChunkSize);
        long posted = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            chunk.Add(record);
            if (chunk.Count == ChunkSize)
            {
                posted += await PostAsync(chunk, feeder, cancellationToken);
                chunk.Clear();
                progress?.Invoke(posted);
            }
        }

        posted += await PostAsync(chunk, feeder, cancellationToken);
        progress?.Invoke(posted);
        return posted;
    }

    /// <summary>Posts one chunk of records.</summary>
    public async Task<int> PostAsync(IReadOnlyList<Record> records, DocumentFeeder feeder, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var ids = records.Select(r => r.Id).ToList();
        var files = _hasFiles ? await RecordContent.FilesAsync(_db, ids, cancellationToken) : null;
        var extra = await _content.ExtraAsync(ids, cancellationToken);
        foreach (var record in records)
        {
            await feeder.PostAsync(record, _orgNames.GetValueOrDefault((record.FondsId, record.OrgUnitCode)),
                files?.GetValueOrDefault(record.Id), extra?.GetValueOrDefault(record.Id));
        }

        return records.Count;
    }
}
