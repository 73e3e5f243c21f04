using Lantai.Catalogue.Import;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Api;

/// <summary>
/// Catalogue files over the API: exports streamed as downloads (the caller's clearance limits them, as the list does) and
/// a synchronous import of an uploaded .xlsx or .csv, all or nothing, with every wrong row named when it is refused.
/// </summary>
public static class CatalogueFileEndpoints
{
    /// <summary>The largest catalogue upload: a million-row CSV is about 250 MB.</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    public static RouteGroupBuilder MapCatalogueFileEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var exports = group.MapGroup("/exports").WithTags("导出");
        exports.MapGet("/filing-catalogue", ExportFilingCatalogueAsync).WithName("ExportFilingCatalogue")
            .WithSummary("导出归档文件目录（format=xlsx|pdf|csv，筛选参数同档案列表）")
            .WithDescription("按档号顺序导出调用者知悉范围内、符合筛选条件的档案；文件以附件下载（文件名为中文）。")
            .ProducesProblem(400).RequireAuthorization(Policies.CatalogueRead);
        exports.MapGet("/filing-stamps", ExportFilingStampsAsync).WithName("ExportFilingStamps")
            .WithSummary("打印归档章（PDF，筛选参数同档案列表）")
            .ProducesProblem(400).RequireAuthorization(Policies.CatalogueRead);

        group.MapPost("/imports", ImportAsync).WithTags("导入").WithName("ImportCatalogue")
            .WithSummary("导入目录（multipart/form-data：file；可选 strict=true、dryRun=true）")
            .WithDescription("dryRun=true 只检查并返回预览，不保存；否则整批导入（全部成功或全部不导入），返回 201；有错误时返回 422，errors 列出每个错误的行、列与原因。")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(422)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes)
            .RequireAuthorization(Policies.CatalogueWrite);
        return group;
    }

    private static Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportFilingCatalogueAsync(
        [AsParameters] RecordListQuery query, string? format, HttpContext context, LantaiDbContext db) =>
        ExportAsync(query, CatalogueDownload.ParseFormat(format ?? CatalogueDownload.Xlsx) is { Succeeded: true } f && f.Value != CatalogueDownload.Stamps
            ? f
            : Error.Validation("format", $"导出格式“{format}”无效（可用：xlsx、pdf、csv）"), context, db);

    private static Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportFilingStampsAsync(
        [AsParameters] RecordListQuery query, HttpContext context, LantaiDbContext db) =>
        ExportAsync(query, CatalogueDownload.Stamps, context, db);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        RecordListQuery query, Result<string> format, HttpContext context, LantaiDbContext db)
    {
        var request = await query.ParseAsync(db, await CatalogueUser.ClearanceAsync(context), context.RequestAborted);
        var errors = request.Errors.Concat(format.Errors).ToList();
        if (errors.Count > 0)
        {
            return ProblemMapper.InvalidQuery(errors);
        }

        await CatalogueDownload.WriteAsync(context, format.Value, request.Value.Filter, CatalogueDownload.FileName(format.Value, query));
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<ImportPreview>, Created<ImportOutcome>, ProblemHttpResult>> ImportAsync(
        HttpContext context, CatalogueImporter importer, ImportStaging staging, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return MissingFile();
        }

        var (form, problem) = await UploadForms.ReadAsync(request, $"目录文件不能超过{MaxUploadBytes / 1024 / 1024}MB", cancellationToken);
        if (form is null)
        {
            return problem!;
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return MissingFile();
        }

        var strict = Flag(request, form, "strict");
        var dryRun = Flag(request, form, "dryRun");
        var flagErrors = new[] { strict, dryRun }.SelectMany(f => f.Errors).ToList();
        if (flagErrors.Count > 0)
        {
            return ProblemMapper.ToProblem(flagErrors);
        }

        // The importer reads the file more than once (and two readers at a time on commit), so it goes to disk first.
        StagedUpload staged;
        await using (var upload = file.OpenReadStream())
        {
            staged = await staging.SaveAsync(upload, file.FileName, cancellationToken);
        }

        try
        {
            var options = ImportOptions.Default with { Strict = strict.Value };
            if (dryRun.Value)
            {
                return TypedResults.Ok(await importer.PreviewAsync(staged.Source, options, null, cancellationToken));
            }

            var outcome = await importer.CommitAsync(staged.Source, options, CatalogueUser.Actor(context.User), null, cancellationToken);
            return outcome.Succeeded
                ? TypedResults.Created((string?)null, outcome.Value)
                : Refused(outcome.Errors);
        }
        finally
        {
            staging.Delete(staged.Id);
        }
    }

    private static ProblemHttpResult Refused(IReadOnlyList<Error> errors)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = ProblemMapper.TypePrefix + "import-refused",
            Title = "目录导入被拒绝",
            Detail = $"目录中有错误，未导入任何档案。共列出{errors.Count}个错误，请改正后重新导入。",
        };
        problem.Extensions["errors"] = errors.Select(ImportErrorResponse.From).ToList();
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult MissingFile() =>
        ProblemMapper.ToProblem([Error.Validation("file", "请选择要导入的目录文件（multipart/form-data 字段 file，.xlsx 或 .csv）")]);

    /// <summary>A true/false switch from the query string or the form; absent is false.</summary>
    private static Result<bool> Flag(HttpRequest request, IFormCollection form, string name)
    {
        var text = form.TryGetValue(name, out var fromForm) ? fromForm.ToString() : request.Query[name].ToString();
        return text.Trim().ToLowerInvariant() switch
        {
            "" or "false" or "0" => false,
            "true" or "1" => true,
            _ => Error.Validation(name, $"参数 {name}“{text}”无效（应为 true 或 false）"),
        };
    }
}
