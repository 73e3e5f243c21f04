using System.Text.Json;
using Lantai.Catalogue.Import;
using Lantai.Jobs;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Pages.Catalogue;

/// <summary>
/// Catalogue import in three steps: upload (kept in staging), preview with every error by row and column, and the
/// commit, which runs as a background job with a progress page so a file of a million rows does not hold a request.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(CatalogueImporter importer, ImportStaging staging, JobQueue jobs, TimeProvider time) : CataloguePageModel
{
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    private static readonly string[] AcceptedExtensions = [".xlsx", ".csv", ".txt", ".tsv"];

    [BindProperty]
    public bool Strict { get; set; }

    [BindProperty]
    public string? StagingId { get; set; }

    public ImportPreview? Preview { get; private set; }

    public ImportOutcome? Outcome { get; private set; }

    public IReadOnlyList<string> JobErrors { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken cancellationToken)
    {
        // Abandoned previews are cleaned up whenever someone opens the page: nothing else needs them after a day.
        staging.DeleteOlderThan(TimeSpan.FromDays(1), time);
        if (job is { } id && await jobs.GetAsync(id, cancellationToken) is { } done && string.Equals(done.Actor, Actor, StringComparison.Ordinal))
        {
            if (done.State == JobState.Succeeded && done.Output is not null)
            {
                Outcome = JsonSerializer.Deserialize<ImportOutcome>(done.Output, JobJson.Options);
            }
            else if (done.State == JobState.Failed)
            {
                Message = done.Error;
                JobErrors = done.Output is null ? [] : JsonSerializer.Deserialize<List<string>>(done.Output, JobJson.Options) ?? [];
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(Policies.CatalogueWrite))
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择要导入的目录文件（.xlsx 或 .csv）");
            return Page();
        }

        if (!AcceptedExtensions.Contains(Path.GetExtension(file.FileName), StringComparer.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("file", $"不支持的文件类型“{Path.GetExtension(file.FileName)}”：请上传 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）");
            return Page();
        }

        await using (var content = file.OpenReadStream())
        {
            var upload = await staging.SaveAsync(content, file.FileName, cancellationToken);
            StagingId = upload.Id;
            Preview = await importer.PreviewAsync(upload.Source, Options, null, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        if (!await IsAllowedAsync(Policies.CatalogueWrite))
        {
            return Forbid();
        }

        if (StagingId is null || staging.Find(StagingId) is null)
        {
            ModelState.AddModelError("", "上传的文件已不存在（可能已导入或已超过一天），请重新上传");
            return Page();
        }

        var job = await jobs.EnqueueAsync(CatalogueImportJob.JobKind, new CatalogueImportJobPayload(StagingId, Strict), Actor, cancellationToken);
        return Redirect($"/Jobs/{job.Id}?next={Uri.EscapeDataString($"/Catalogue/Import?job={job.Id}")}");
    }

    public async Task<IActionResult> OnPostDiscardAsync()
    {
        if (!await IsAllowedAsync(Policies.CatalogueWrite))
        {
            return Forbid();
        }

        if (StagingId is not null)
        {
            staging.Delete(StagingId);
        }

        return RedirectToPage();
    }

    private ImportOptions Options => ImportOptions.Default with { Strict = Strict };
}
