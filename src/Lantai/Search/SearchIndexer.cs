using Lantai.Catalogue;
using Lantai.Data;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search;

/// <summary>
/// Brings the index up to the database by reading the outbox from the cursor committed in the index (DESIGN.md §2).
/// Updates are idempotent (replace by id), so a crash between the database commit and the index commit only means the
/// same entries are applied again.
/// </summary>
public sealed class SearchIndexer(LantaiDbContext db, SearchIndex index)
{
    private const int BatchSize = 1000;

    /// <summary>Applies every outbox entry after the committed cursor; returns the number of entries applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var cursor = index.CommittedCursor;
        var applied = 0;
        while (true)
        {
            var batch = await db.OutboxMessages.AsNoTracking().Where(m => m.Id > cursor).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return applied;
            }

            foreach (var message in batch)
            {
                await ApplyAsync(message, cancellationToken);
            }

            cursor = batch[^1].Id;
            applied += batch.Count;
            index.Commit(cursor);
        }
    }

    private async Task ApplyAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxKinds.RecordChanged:
            case OutboxKinds.RecordDeleted:
                var id = RecordId.Parse(message.EntityId, System.Globalization.CultureInfo.InvariantCulture);
                var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
                if (record is null)
                {
                    index.Writer.DeleteDocuments(new Term(SearchFields.Id, message.EntityId));
                }
                else
                {
                    await IndexAsync([record], cancellationToken);
                }

                break;
            case OutboxKinds.RecordsImported:
                var importId = Guid.Parse(message.EntityId, System.Globalization.CultureInfo.InvariantCulture);
                var records = await db.Records.AsNoTracking().Where(r => r.ImportId == importId).ToListAsync(cancellationToken);
                await IndexAsync(records, cancellationToken);
                break;
        }
    }

    private async Task IndexAsync(IReadOnlyList<Record> records, CancellationToken cancellationToken)
    {
        var names = await db.OrgUnits.AsNoTracking().Select(o => new { o.FondsId, o.Code, o.Name }).ToListAsync(cancellationToken);
        var byKey = names.GroupBy(n => (n.FondsId, n.Code)).ToDictionary(g => g.Key, g => g.First().Name);
        foreach (var record in records)
        {
            var orgName = byKey.GetValueOrDefault((record.FondsId, record.OrgUnitCode));
            var doc = SearchDocumentBuilder.Build(new SearchSource(record, orgName, Content: null));
            index.Writer.UpdateDocument(new Term(SearchFields.Id, record.Id.ToString()), doc);
        }
    }
}
