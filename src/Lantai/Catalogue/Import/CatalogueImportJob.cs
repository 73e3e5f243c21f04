using System.Text.Json;
using Lantai.Jobs;

namespace Lantai.Catalogue.Import;

/// <summary>
/// Runs a catalogue import started from the web page as a durable job, so a large file shows progress and a restart
/// runs it again. The import is all-or-nothing in one transaction, so running it again after a crash is safe; a
/// finished job deletes the staged upload.
/// </summary>
public sealed class CatalogueImportJob(CatalogueImporter importer, ImportStaging staging) : IJobHandler
{
    public const string JobKind = "catalogue.import";

    public string Kind => JobKind;

    public async Task<string?> RunAsync(Job job, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var payload = JsonSerializer.Deserialize<CatalogueImportJobPayload>(job.Payload, JobJson.Options)
            ?? throw new JobFailedException("任务参数无效");
        var upload = staging.Find(payload.StagingId)
            ?? throw new JobFailedException("上传的文件已不存在（可能已导入或已被清理），请重新上传");

        var report = new Progress<ImportProgress>(p => progress.Report(new JobProgress(
            p.BytesRead, p.TotalBytes, $"已读取 {p.RowsRead:N0} 行，已写入 {p.RowsWritten:N0} 行")));
        var result = await importer.CommitAsync(upload.Source, ImportOptions.Default with { Strict = payload.Strict }, job.Actor, report, cancellationToken);
        if (!result.Succeeded)
        {
            throw new JobFailedException($"目录导入被拒绝：{result.Errors.Count} 处错误，未存入任何数据")
            {
                Details = JsonSerializer.Serialize(result.Errors.Select(e => e.Message), JobJson.Options),
            };
        }

        staging.Delete(upload.Id);
        progress.Report(new JobProgress(upload.Length, upload.Length, $"已导入 {result.Value.RecordCount:N0} 件"));
        return JsonSerializer.Serialize(result.Value, JobJson.Options);
    }
}
