using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// The demo archive (示例旗档案馆): six fonds, about five thousand items over 1980–2024, volumes of accounting records,
/// built from a fixed seed and the sample titles embedded in the engine, so every load gives the same archival
/// codes. Loaded into an empty archive only: by `lantai demo`, or by the web server on first start.
/// </summary>
public static class DemoCatalogue
{
    public const string ArchiveName = "示例旗档案馆";

    /// <summary>A fictional banner in the Inner Mongolia region (15xxxx); no real division has this code.</summary>
    public const string ArchiveCode = "150999";

    private const int BatchSize = 1000;

    /// <summary>True when the archive holds no fonds and no records, the only state the demo loads into.</summary>
    public static async Task<bool> IsEmptyAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Fonds.AnyAsync(cancellationToken) && !await db.Records.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the archive profile, then writes fonds, org units, volumes and records in one audited transaction: an audit
    /// entry per fonds and org unit, one demo.load entry for the rest, and one records.imported outbox message.
    /// </summary>
    public static async Task<Result<DemoCatalogueResult>> LoadAsync(
        LantaiDbContext db, TimeProvider time, string actor, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (!await IsEmptyAsync(db, cancellationToken))
        {
            return Error.Conflict("档案馆中已有全宗或档案，示例数据只能载入空的档案馆");
        }

        var profile = await new FondsService(db, time).UpdateProfileAsync(ArchiveName, ArchiveCode, ArchiveLevel.Banner, actor, cancellationToken);
        if (!profile.Succeeded)
        {
            return Result<DemoCatalogueResult>.Fail(profile.Errors);
        }

        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var titles = DemoTitles.Load();
        var archive = new DemoArchiveBuilder(titles, rules, now).Build();
        var import = new CatalogueImport
        {
            FileName = "示例数据（catalogue-0426-ws.csv）",
            Sm3 = Sm3.HashHex(titles.Source),
            RecordCount = archive.Records.Count,
            Actor = actor,
            CreatedAt = now,
        };
        foreach (var record in archive.Records)
        {
            record.ImportId = import.Id;
        }

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
            foreach (var fonds in archive.Fonds)
            {
                db.Fonds.Add(fonds);
                CatalogueAudit.FondsCreated(tx, fonds);
            }

            foreach (var unit in archive.OrgUnits)
            {
                db.OrgUnits.Add(unit);
                CatalogueAudit.OrgUnitCreated(tx, unit);
            }

            db.CatalogueImports.Add(import);
            db.Volumes.AddRange(archive.Volumes);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            // Batches keep the change tracker small and let the caller show progress; all in the one transaction.
            for (var i = 0; i < archive.Records.Count; i += BatchSize)
            {
                db.Records.AddRange(archive.Records.Skip(i).Take(BatchSize));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report(new DemoProgress(Math.Min(i + BatchSize, archive.Records.Count), archive.Records.Count));
            }

            var years = archive.Records.Select(r => r.Year).ToList();
            var result = new DemoCatalogueResult(archive.Fonds.Count, archive.OrgUnits.Count, archive.Volumes.Count, archive.Records.Count,
                years.Min(), years.Max(), import.Id);
            tx.Record("demo.load", nameof(CatalogueImport), import.Id.ToString(),
                $"载入示例数据：{result.Fonds}个全宗、{result.Volumes}卷、{result.Records}件（{result.FirstYear}—{result.LastYear}年）",
                after: new { result.Fonds, result.OrgUnits, result.Volumes, result.Records, result.FirstYear, result.LastYear, fondsCodes = archive.Fonds.Select(f => f.Code) });
            db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordsImported, EntityId = import.Id.ToString(), CreatedAt = now });
            await tx.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }
}
