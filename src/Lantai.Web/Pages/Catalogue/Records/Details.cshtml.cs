using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Preservation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Pages.Catalogue.Records;

/// <summary>One record with all its fields and its history (who changed what, when) from the audit log.</summary>
public sealed class DetailsModel(LantaiDbContext db, RecordQueries queries, RecordHistory history, RecordFileQueries files, DatabaseOptions options, AipKeeper aips) : CataloguePageModel
{
    public Record Record { get; private set; } = null!;

    public Lantai.Catalogue.Fonds? Fonds { get; private set; }

    public Volume? Volume { get; private set; }

    public CatalogueRules Rules { get; private set; } = CatalogueRules.Default;

    public IReadOnlyList<RecordHistoryEntry> History { get; private set; } = [];

    /// <summary>The record's computer files (计算机文件) with their stored SHA-256.</summary>
    public IReadOnlyList<(RecordFile File, string? Sha256)> Files { get; private set; } = [];

    /// <summary>Preservation events of the record, its objects and its transfer (PREMIS).</summary>
    public IReadOnlyList<PreservationEvent> Events { get; private set; } = [];

    public bool HasAip { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await queries.GetAsync(new RecordId(id), await ClearanceAsync(), cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        Fonds = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == record.FondsId, cancellationToken);
        if (record.VolumeId is { } volumeId)
        {
            Volume = await db.Volumes.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volumeId, cancellationToken);
        }

        History = await history.ForRecordAsync(record.Id, cancellationToken);
        Files = await files.FilesAsync(record.Id, cancellationToken);
        Events = await files.EventsAsync(record.Id, cancellationToken);
        // An AIP still to be written (the AIP job follows the ingest) is built on demand by the download.
        HasAip = Directory.Exists(AipLocation.PathOf(options.DataDir, record.Id)) || await aips.IsPendingAsync(record.Id, cancellationToken);
        return Page();
    }

    public string Name(IReadOnlyDictionary<string, CodeListEntry> list, string? code) =>
        code is not null && list.TryGetValue(code, out var e) ? e.Name : code ?? "";
}
