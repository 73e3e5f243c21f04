using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Lantai.Common;
using Lantai.Data;
using Lantai.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Imports a catalogue (.xlsx or .csv) in two steps, as the upload page does them: <see cref="PreviewAsync"/> reads and
/// checks the whole file and stores nothing; <see cref="CommitAsync"/> reads it again, checks it again (the catalogue
/// may have changed in between) and stores it all or nothing, in one audited transaction. Rows go into the database by
/// the provider's bulk path (prepared multi-row INSERTs on SQLite, binary COPY on PostgreSQL), written on one thread
/// while the next rows are read and checked on another.
/// </summary>
public sealed class CatalogueImporter(LantaiDbContext db, TimeProvider time)
{
    private const int ChunksInFlight = 4;

    /// <summary>Reads and checks the file; nothing is stored.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportSource source, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var table = RecordTable.For(db);
        var context = await LoadCatalogueAsync(cancellationToken);
        await using var lookups = await CatalogueLookups.OpenAsync(db, table, cancellationToken);
        var pass = NewPass(context, options, table, lookups, Guid.Empty, Now());
        ImportFile? file = null;
        try
        {
            file = ImportFile.Open(source);
            var bytes = file.Stream;
            await foreach (var chunk in pass.ReadAsync(file.Reader, () => bytes.BytesRead, buildRecords: false, cancellationToken))
            {
                progress?.Report(new ImportProgress(ImportPhase.Reading, chunk.RowsRead, 0, pass.Issues.ErrorCount, chunk.BytesRead, bytes.TotalBytes));
            }
        }
        catch (InvalidImportFileException e)
        {
            pass.Issues.Error(null, null, e.Message);
        }
        finally
        {
            file?.Dispose();
        }

        progress?.Report(new ImportProgress(ImportPhase.Done, pass.RowCount, 0, pass.Issues.ErrorCount, 0, null));
        return new ImportPreview
        {
            FileName = source.FileName,
            Format = file?.Format ?? FormatByName(source.FileName),
            Encoding = file?.Encoding,
            Columns = pass.Header?.Columns ?? [],
            RowCount = pass.RowCount,
            ValidRowCount = pass.RowCount - pass.Issues.ErrorRowCount,
            ErrorCount = pass.Issues.ErrorCount,
            ErrorRowCount = pass.Issues.ErrorRowCount,
            Errors = pass.Issues.Errors(),
            Warnings = pass.Issues.Warnings(),
            Rows = pass.PreviewRows(),
            NewFonds = pass.NewFonds,
            NewOrgUnits = pass.NewOrgUnits,
        };
    }

    /// <summary>
    /// Reads, checks and stores the file in one transaction: the records, the fonds and org units it meets for the first
    /// time, one CatalogueImport row, one <c>catalogue.import</c> audit entry (file name, SM3, record count) and one
    /// outbox message. Any error in any row stores nothing and returns every error (as "第R行 列名: 原因").
    /// </summary>
    public async Task<Result<ImportOutcome>> CommitAsync(ImportSource source, ImportOptions options, string actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        var table = RecordTable.For(db);
        var importId = Ids.New();
        var now = Now();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var digest = Task.Run(() => DigestAsync(source, stop.Token), stop.Token);
        try
        {
            await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
            var context = await LoadCatalogueAsync(cancellationToken);
            await using var lookups = await CatalogueLookups.OpenAsync(db, table, cancellationToken);
            var pass = NewPass(context, options, table, lookups, importId, now);

            ImportFile file;
            try
            {
                file = ImportFile.Open(source);
            }
            catch (InvalidImportFileException e)
            {
                return new ImportIssue(null, null, e.Message).ToError();
            }

            long written;
            using (file)
            {
                await using var writer = CreateWriter(table);
                written = await RunPipelineAsync(pass, file, writer, tx, progress, stop);
                if (pass.Issues.ErrorCount == 0)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }

            if (pass.Issues.ErrorCount > 0)
            {
                return Result<ImportOutcome>.Fail(ErrorsOf(pass.Issues));
            }

            progress?.Report(new ImportProgress(ImportPhase.Committing, pass.RowCount, written, 0, file.Stream.TotalBytes ?? 0, file.Stream.TotalBytes));
            var sm3 = await digest;
            var count = checked((int)written);
            db.CatalogueImports.Add(new CatalogueImport { Id = importId, FileName = source.FileName, Sm3 = sm3, RecordCount = count, Actor = actor, CreatedAt = now });
            db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.RecordsImported, EntityId = importId.ToString(), CreatedAt = now });
            tx.Record("catalogue.import", nameof(CatalogueImport), importId.ToString(), $"导入目录“{source.FileName}”：{count}件", after: new
            {
                fileName = source.FileName,
                sm3,
                recordCount = count,
                newFonds = pass.NewFonds.Select(f => f.Code),
                newOrgUnits = pass.NewOrgUnits.Select(o => $"{o.FondsCode}/{o.Code}"),
            });
            await tx.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(ImportPhase.Done, pass.RowCount, written, 0, file.Stream.TotalBytes ?? 0, file.Stream.TotalBytes));

            return new ImportOutcome
            {
                ImportId = importId,
                FileName = source.FileName,
                Format = file.Format,
                Encoding = file.Encoding,
                Sm3 = sm3,
                RecordCount = count,
                NewFonds = pass.NewFonds,
                NewOrgUnits = pass.NewOrgUnits,
                Warnings = pass.Issues.Warnings(),
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await digest;
            }
            catch (OperationCanceledException)
            {
                // The digest is not needed when the import stopped early.
            }
        }
    }

    /// <summary>
    /// Reads and checks on a worker thread while this one writes: the two halves of the work overlap on two cores.
    /// Once an error is found the writer stops writing (the transaction will be rolled back) but the reader goes on to
    /// the end, so every wrong row is reported.
    /// </summary>
    private async Task<long> RunPipelineAsync(ImportPass pass, ImportFile file, IRecordWriter writer, AuditedTransaction tx, IProgress<ImportProgress>? progress, CancellationTokenSource stop)
    {
        var channel = Channel.CreateBounded<ImportChunk>(new BoundedChannelOptions(ChunksInFlight) { SingleReader = true, SingleWriter = true });
        var bytes = file.Stream;
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var chunk in pass.ReadAsync(file.Reader, () => bytes.BytesRead, buildRecords: true, stop.Token))
                {
                    await channel.Writer.WriteAsync(chunk, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (InvalidImportFileException e)
            {
                pass.Issues.Error(null, null, e.Message);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, stop.Token);

        long written = 0;
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(stop.Token))
            {
                if (pass.Issues.ErrorCount == 0)
                {
                    if (chunk.NewFonds.Count > 0 || chunk.NewOrgUnits.Count > 0)
                    {
                        await writer.FlushAsync(stop.Token);
                        AddCreated(tx, chunk);
                        await db.SaveChangesAsync(stop.Token);
                    }

                    await writer.WriteAsync(chunk.Records, stop.Token);
                    written += chunk.Records.Count;
                }

                progress?.Report(new ImportProgress(ImportPhase.Writing, chunk.RowsRead, written, pass.Issues.ErrorCount, chunk.BytesRead, bytes.TotalBytes));
            }
        }
        catch
        {
            // Stop the reader so it does not wait forever on a full channel.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await producer;
        }

        return written;
    }

    private void AddCreated(AuditedTransaction tx, ImportChunk chunk)
    {
        foreach (var fonds in chunk.NewFonds)
        {
            db.Fonds.Add(fonds);
            CatalogueAudit.FondsCreated(tx, fonds, "（目录导入时建立）");
        }

        foreach (var unit in chunk.NewOrgUnits)
        {
            db.OrgUnits.Add(unit);
            CatalogueAudit.OrgUnitCreated(tx, unit, "（目录导入时建立）");
        }
    }

    private IRecordWriter CreateWriter(RecordTable table) => db.Database.GetDbConnection() switch
    {
        NpgsqlConnection npgsql => new PostgresRecordWriter(npgsql, table),
        SqliteConnection sqlite => new SqliteRecordWriter(sqlite, table),
        var other => throw new NotSupportedException($"No bulk import for {other.GetType().Name}."),
    };

    private ImportPass NewPass(CatalogueSnapshot context, ImportOptions options, RecordTable table, CatalogueLookups lookups, Guid importId, DateTimeOffset now) =>
        new(context.Rules, options, time.GetLocalNow().Year, table, lookups, context.Fonds, context.OrgUnits, importId, now);

    private async Task<CatalogueSnapshot> LoadCatalogueAsync(CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var fonds = await db.Fonds.AsNoTracking().ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.FondsId, o.Code }).ToListAsync(cancellationToken);
        return new CatalogueSnapshot(rules, fonds, [.. units.Select(u => (u.FondsId, u.Code))]);
    }

    /// <summary>Microseconds: PostgreSQL keeps no finer, so what is returned equals what is read back on both providers.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    private static async Task<string> DigestAsync(ImportSource source, CancellationToken cancellationToken)
    {
        await using var stream = source.Open();
        return Convert.ToHexStringLower(await Sm3.HashAsync(stream, cancellationToken));
    }

    private static List<Error> ErrorsOf(IssueCollector issues)
    {
        var errors = issues.Errors().Select(i => i.ToError()).ToList();
        var unlisted = issues.ErrorCount - errors.Count;
        if (unlisted > 0)
        {
            errors.Add(new Error("import.more", string.Create(CultureInfo.InvariantCulture, $"另有{unlisted}个错误未列出")));
        }

        return errors;
    }

    private static ImportFileFormat FormatByName(string fileName) =>
        Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFileFormat.Xlsx : ImportFileFormat.Csv;

    private sealed record CatalogueSnapshot(CatalogueRules Rules, List<Fonds> Fonds, List<(FondsId FondsId, string Code)> OrgUnits);
}
