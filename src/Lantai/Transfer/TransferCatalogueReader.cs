using System.Globalization;
using Lantai.Catalogue;
using Lantai.Catalogue.Import;
using Lantai.Data;
using Lantai.Transfer.Packages;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Transfer;

/// <summary>
/// Reads a package's catalogue (目录.xlsx/.csv): the catalogue import's columns, readers and checks, plus the 文件 column.
/// Builds the records against the current catalogue (件号, 档号, codes already taken) but stores nothing.
/// </summary>
public sealed class TransferCatalogueReader(LantaiDbContext db, TimeProvider time)
{
    /// <summary>
    /// Every data row of the catalogue at <paramref name="path"/> (named <paramref name="fileName"/> in the package):
    /// its record when the row is valid, its 文件 references, and its errors as the catalogue import words them
    /// ("列名: 原因"), including archival codes already in the catalogue and 文件 paths that leave the package.
    /// </summary>
    public async Task<TransferCatalogue> ReadAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var fonds = await db.Fonds.AsNoTracking().ToListAsync(cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Select(o => new { o.FondsId, o.Code }).ToListAsync(cancellationToken);
        var table = RecordTable.For(db);
        await using var lookups = await CatalogueLookups.OpenAsync(db, table, cancellationToken);
        var utc = time.GetUtcNow();
        var now = new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % 10), TimeSpan.Zero);
        var options = ImportOptions.Default with { MaxListedErrors = int.MaxValue, PreviewRowCount = 0 };
        var pass = new ImportPass(rules, options, time.GetLocalNow().Year, table, lookups, fonds, [.. units.Select(u => (u.FondsId, u.Code))], Guid.Empty, now)
        {
            ForTransfer = true,
        };

        var fileErrors = new List<string>();
        var newFonds = new List<Fonds>();
        var newUnits = new List<OrgUnit>();
        try
        {
            using var file = ImportFile.Open(ImportSource.FromFile(path, fileName));
            await foreach (var chunk in pass.ReadAsync(file.Reader, () => file.Stream.BytesRead, buildRecords: false, cancellationToken))
            {
                newFonds.AddRange(chunk.NewFonds);
                newUnits.AddRange(chunk.NewOrgUnits);
            }
        }
        catch (InvalidImportFileException e)
        {
            fileErrors.Add(e.Message);
        }

        if (pass.Header is { } header && !header.Has(ImportColumn.Files))
        {
            fileErrors.Add("缺少“文件”列：移交目录须用“文件”列写明每件档案的电子文件在包中的路径（多个文件用“;”分隔）");
        }

        var rowErrors = pass.Issues.Errors().Where(i => i.Row is not null).ToLookup(i => i.Row!.Value);
        fileErrors.AddRange(pass.Issues.Errors().Where(i => i.Row is null).Select(Describe));
        var filesHeader = pass.Header?.HeaderOf(ImportColumn.Files) ?? "文件";
        var rows = new List<TransferCatalogueRow>(pass.TransferRows.Count);
        foreach (var (row, cell) in pass.TransferRows)
        {
            var refs = SplitFileRefs(cell);
            var errors = rowErrors[row].Select(Describe).ToList();
            foreach (var reference in refs)
            {
                if (PackagePaths.Problem(reference, PackageLimits.Default) is { } problem)
                {
                    errors.Add($"{filesHeader}: 路径“{PackagePaths.Display(reference)}”无效：{problem}");
                }
            }

            // A record built before a later row named this one as a duplicate is dropped: the row has errors now.
            var record = errors.Count == 0 ? pass.TransferRecords.GetValueOrDefault(row) : null;
            rows.Add(new TransferCatalogueRow { RowNumber = row, Record = record, FileRefs = refs, Errors = errors });
        }

        return new TransferCatalogue
        {
            Rows = rows,
            FileErrors = fileErrors,
            Warnings = [.. pass.Issues.Warnings().Select(w => w.ToString())],
            NewFonds = newFonds,
            NewOrgUnits = newUnits,
        };
    }

    /// <summary>
    /// The 文件 cell's paths: split at ';' and '；', trimmed, '\' turned into '/', a leading "./" removed, NFC. Paths
    /// are compared with the package's path keys, which are NFC too.
    /// </summary>
    public static IReadOnlyList<string> SplitFileRefs(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return [];
        }

        var refs = new List<string>();
        foreach (var part in cell.Split([';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var path = part.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..].TrimStart();
            }

            if (path.Length > 0)
            {
                refs.Add(PackagePaths.Key(path));
            }
        }

        return refs;
    }

    private static string Describe(ImportIssue issue) =>
        issue.Column is null ? issue.Message : string.Create(CultureInfo.InvariantCulture, $"{issue.Column}: {issue.Message}");
}
