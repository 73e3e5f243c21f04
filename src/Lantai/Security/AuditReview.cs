using System.Globalization;
using Lantai.Data;

namespace Lantai.Security;

/// <summary>
/// The auditor's actions that are themselves recorded: verifying the chain and exporting the log. Viewing pages is
/// not recorded (an entry per page view would flood the chain with reads).
/// </summary>
public sealed class AuditReview(LantaiDbContext db, AuditVerifier verifier, AuditQueries queries, TimeProvider time)
{
    public async Task<AuditVerification> VerifyAsync(string actor, CancellationToken cancellationToken)
    {
        var result = await verifier.VerifyAsync(null, cancellationToken);
        await using var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken);
        tx.Record("audit.verify", "AuditLog", null,
            result.Intact
                ? string.Create(CultureInfo.InvariantCulture, $"校验审计日志链：完好（{result.EntriesChecked}条）")
                : $"校验审计日志链：第{result.FirstBrokenSequence}条起损坏。{result.Problem}",
            after: new { result.Intact, result.EntriesChecked, result.FirstBrokenSequence });
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Records the export (with its filter), then writes the matching entries as CSV.</summary>
    public async Task ExportCsvAsync(AuditFilter filter, string actor, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using (var tx = await AuditedTransaction.BeginAsync(db, time, actor, cancellationToken))
        {
            tx.Record("audit.export", "AuditLog", null, "导出审计日志（CSV）", after: filter);
            await tx.CommitAsync(cancellationToken);
        }

        await AuditCsv.WriteAsync(queries.StreamAsync(filter, cancellationToken), output, cancellationToken);
    }
}
