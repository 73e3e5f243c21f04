using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Security;

/// <summary>Walks the audit log in order and reports the first entry that was edited, deleted or reordered.</summary>
public sealed class AuditVerifier(LantaiDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long expected = 1;
        var previousHash = AuditChain.GenesisHash;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return new AuditVerification(expected - 1, expected, entry.Sequence > expected
                    ? $"第{expected}条至第{entry.Sequence - 1}条日志缺失（被删除）"
                    : $"第{entry.Sequence}条日志序号重复或顺序被改动");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditVerification(expected - 1, entry.Sequence, $"第{entry.Sequence}条日志的前序摘要与上一条不符（日志被删除或重排）");
            }

            if (!string.Equals(AuditChain.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(expected - 1, entry.Sequence, $"第{entry.Sequence}条日志内容与其SM3摘要不符（日志被篡改）");
            }

            previousHash = entry.Hash;
            if (expected % 1000 == 0)
            {
                progress?.Report(expected);
            }

            expected++;
        }

        progress?.Report(expected - 1);
        return new AuditVerification(expected - 1, null, null);
    }
}
