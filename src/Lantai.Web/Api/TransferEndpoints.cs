using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Transfer;
using Lantai.Transfer.Reports;
using Lantai.Web.Api.Transfers;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lantai.Web.Api;

/// <summary>
/// /api/v1/transfers (移交接收): upload a package (its check runs as a job), list and read transfers with their reports,
/// export a report as PDF or XML, accept or reject, delete a rejected package's files; and /api/v1/records/{id}/…: a
/// record's files, their content, its AIP as a zip and its preservation events.
/// </summary>
public static class TransferEndpoints
{
    public static RouteGroupBuilder MapTransferEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var transfers = group.MapGroup("/transfers").WithTags("移交接收");
        transfers.MapPost("/", UploadAsync).WithName("UploadTransfer")
            .WithSummary("上传移交包（multipart/form-data：file=.zip 或 .eep；可选 transferringUnit），返回 202 与检测任务")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(413)
            .WithMetadata(new RequestSizeLimitAttribute(TransferUploads.MaxBytes))
            .WithFormOptions(multipartBodyLengthLimit: TransferUploads.MaxBytes)
            .RequireAuthorization(Policies.CatalogueWrite);
        transfers.MapGet("/", ListAsync).WithName("ListTransfers").WithSummary("移交列表（新的在前；skip、take）")
            .RequireAuthorization(Policies.TransferRead);
        transfers.MapGet("/{id:guid}", GetAsync).WithName("GetTransfer").WithSummary("移交详情：条目、文件与四性检测报告")
            .RequireAuthorization(Policies.TransferRead);
        transfers.MapGet("/{id:guid}/report.pdf", ReportPdfAsync).WithName("TransferReportPdf").WithSummary("四性检测报告（PDF）")
            .RequireAuthorization(Policies.TransferRead);
        transfers.MapGet("/{id:guid}/report.xml", ReportXmlAsync).WithName("TransferReportXml").WithSummary("四性检测报告（XML）")
            .RequireAuthorization(Policies.TransferRead);
        transfers.MapPost("/{id:guid}/accept", AcceptAsync).WithName("AcceptTransfer")
            .WithSummary("接收（itemIds 为空时接收全部通过的条目），返回 202 与入库任务")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization(Policies.CatalogueWrite);
        transfers.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectTransfer").WithSummary("退回（须写明理由）")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization(Policies.CatalogueWrite);
        transfers.MapDelete("/{id:guid}/files", DeleteFilesAsync).WithName("DeleteTransferFiles")
            .WithSummary("删除已退回或拒收移交在隔离区中的文件（系统管理员）")
            .ProducesProblem(404).ProducesProblem(409)
            .RequireAuthorization(Policies.TransferFilesDelete);

        var records = group.MapGroup("/records/{id:guid}").WithTags("长期保存");
        records.MapGet("/files", FilesAsync).WithName("RecordFiles").WithSummary("档案的计算机文件").RequireAuthorization(Policies.CatalogueRead);
        records.MapGet("/files/{fileId:guid}/content", FileContentAsync).WithName("RecordFileContent")
            .WithSummary("下载计算机文件（原文件名）").RequireAuthorization(Policies.CatalogueRead);
        records.MapGet("/aip.zip", AipAsync).WithName("RecordAip").WithSummary("下载档案的AIP（BagIt包，zip）").RequireAuthorization(Policies.CatalogueRead);
        records.MapGet("/events", EventsAsync).WithName("RecordEvents").WithSummary("档案的保存事件（PREMIS）").RequireAuthorization(Policies.CatalogueRead);
        return group;
    }

    private static async Task<Results<Accepted<TransferAccepted>, ProblemHttpResult>> UploadAsync(
        HttpContext context, TransferService service, DatabaseOptions options, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return MissingFile();
        }

        var (form, problem) = await UploadForms.ReadAsync(request, $"移交包不能超过{TransferUploads.MaxBytes / 1024 / 1024 / 1024}GB", cancellationToken);
        if (form is null)
        {
            return problem!;
        }

        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return MissingFile();
        }

        if (!TransferUploads.IsPackage(file))
        {
            return ProblemMapper.ToProblem([Error.Validation("file", $"移交包应为 .zip 或 .eep 文件（收到“{TransferUploads.NameOf(file)}”）")]);
        }

        var path = await TransferUploads.SaveAsync(file, options, cancellationToken);
        var received = await service.ReceiveAsync(new TransferRequest
        {
            Path = path,
            Name = TransferUploads.NameOf(file),
            Actor = CatalogueUser.Actor(context.User),
            TransferringUnit = form["transferringUnit"].FirstOrDefault(),
            TakeOwnership = true,
        }, cancellationToken);
        if (!received.Succeeded)
        {
            File.Delete(path);
            return ProblemMapper.ToProblem(received.Errors);
        }

        var receipt = received.Value;
        var job = receipt.CheckJob is { } j ? JobView.Of(j, null) : null;
        return TypedResults.Accepted($"/api/v1/transfers/{receipt.Transfer.Id}", new TransferAccepted(TransferView.Of(receipt.Transfer), job));
    }

    private static async Task<Ok<TransferList>> ListAsync(TransferQueries queries, int? skip, int? take, CancellationToken cancellationToken)
    {
        var page = await queries.ListAsync(skip ?? 0, take ?? 50, cancellationToken);
        return TypedResults.Ok(new TransferList(await queries.CountAsync(cancellationToken), [.. page.Select(TransferView.Of)]));
    }

    private static async Task<Results<Ok<TransferDetailView>, ProblemHttpResult>> GetAsync(Guid id, TransferQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } detail ? TypedResults.Ok(TransferDetailView.Of(detail)) : TransferNotFound();

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReportPdfAsync(
        Guid id, HttpContext context, TransferQueries queries, TransferReportExporter exporter, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } detail)
        {
            return TransferNotFound();
        }

        Downloads.Attach(context.Response, "application/pdf", TransferReportExporter.FileName(detail, "pdf"));
        await exporter.WritePdfAsync(detail, context.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReportXmlAsync(
        Guid id, HttpContext context, TransferQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(id, cancellationToken) is not { } detail)
        {
            return TransferNotFound();
        }

        Downloads.Attach(context.Response, "application/xml", TransferReportExporter.FileName(detail, "xml"));
        await TransferReportExporter.WriteXmlAsync(detail, context.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> AcceptAsync(
        Guid id, HttpContext context, TransferService service, CancellationToken cancellationToken)
    {
        AcceptRequest? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.HasJsonContentType())
        {
            var (read, _) = await ApiJson.ReadAsync<AcceptRequest>(context.Request, cancellationToken);
            if (!read.Succeeded)
            {
                return ProblemMapper.ToProblem(read.Errors);
            }

            body = read.Value;
        }

        var accepted = await service.AcceptAsync(id, body?.ItemIds, CatalogueUser.Actor(context.User), cancellationToken);
        return accepted.Succeeded
            ? TypedResults.Accepted($"/api/v1/jobs/{accepted.Value.Id}", JobView.Of(accepted.Value, null))
            : ProblemMapper.ToProblem(accepted.Errors);
    }

    private static async Task<Results<Ok<TransferView>, ProblemHttpResult>> RejectAsync(
        Guid id, HttpContext context, TransferService service, CancellationToken cancellationToken)
    {
        var (read, _) = await ApiJson.ReadAsync<RejectRequest>(context.Request, cancellationToken);
        if (!read.Succeeded)
        {
            return ProblemMapper.ToProblem(read.Errors);
        }

        var rejected = await service.RejectAsync(id, read.Value.Reason ?? "", CatalogueUser.Actor(context.User), cancellationToken);
        return rejected.Succeeded ? TypedResults.Ok(TransferView.Of(rejected.Value)) : ProblemMapper.ToProblem(rejected.Errors);
    }

    private static async Task<Results<Ok<TransferView>, ProblemHttpResult>> DeleteFilesAsync(
        Guid id, HttpContext context, TransferService service, CancellationToken cancellationToken)
    {
        var deleted = await service.DeleteFilesAsync(id, CatalogueUser.Actor(context.User), cancellationToken);
        return deleted.Succeeded ? TypedResults.Ok(TransferView.Of(deleted.Value)) : ProblemMapper.ToProblem(deleted.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<RecordFileView>>, ProblemHttpResult>> FilesAsync(
        Guid id, HttpContext context, RecordQueries records, RecordFileQueries files, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(id, context, records, cancellationToken))
        {
            return RecordNotFound();
        }

        var list = await files.FilesAsync(new RecordId(id), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RecordFileView>>([.. list.Select(f => RecordFileView.Of(f.File, f.Sha256))]);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> FileContentAsync(
        Guid id, Guid fileId, HttpContext context, RecordQueries records, RecordFileQueries files, ObjectStore store, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(id, context, records, cancellationToken))
        {
            return RecordNotFound();
        }

        var file = (await files.FilesAsync(new RecordId(id), cancellationToken)).Select(f => f.File).FirstOrDefault(f => f.Id == fileId);
        if (file is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("文件")]);
        }

        var path = store.PathOf(file.ObjectSm3);
        if (!File.Exists(path))
        {
            // A fixity problem, not the caller's: the audit raises the alert; say so plainly.
            return ProblemMapper.Problem(StatusCodes.Status410Gone, "object-missing", "文件在保存库中缺失", $"文件“{file.OriginalName}”在保存库中缺失，请联系管理员");
        }

        Downloads.Attach(context.Response, file.MediaType, file.OriginalName, file.Length);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await input.CopyToAsync(context.Response.Body, 1 << 20, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> AipAsync(
        Guid id, HttpContext context, RecordQueries records, DatabaseOptions options, AipKeeper keeper, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(new RecordId(id), await CatalogueUser.ClearanceAsync(context), cancellationToken);
        if (record is null)
        {
            return RecordNotFound();
        }

        var folder = AipLocation.PathOf(options.DataDir, record.Id);
        if (Directory.Exists(folder) && !await keeper.IsPendingAsync(record.Id, cancellationToken))
        {
            Downloads.Attach(context.Response, "application/zip", $"AIP-{record.ArchivalCode}.zip");
            await AipExporter.WriteZipAsync(folder, context.Response.Body, cancellationToken);
            return TypedResults.Empty;
        }

        if (!await keeper.IsPendingAsync(record.Id, cancellationToken))
        {
            return ProblemMapper.ToProblem([Error.NotFound("该档案的AIP（长期保存包）")]);
        }

        // Ingested, its AIP not written yet (the AIP job follows the ingest): the same bag, built now from the database
        // and the store into a folder of its own, streamed, and removed.
        var temporary = await keeper.WriteTemporaryAsync(record.Id, cancellationToken);
        if (temporary is null)
        {
            return RecordNotFound();
        }

        try
        {
            Downloads.Attach(context.Response, "application/zip", $"AIP-{record.ArchivalCode}.zip");
            await AipExporter.WriteZipAsync(temporary.Path, context.Response.Body, cancellationToken);
        }
        finally
        {
            TemporaryAip.Delete(temporary.Folder);
        }

        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<IReadOnlyList<PreservationEventView>>, ProblemHttpResult>> EventsAsync(
        Guid id, HttpContext context, RecordQueries records, RecordFileQueries files, CancellationToken cancellationToken)
    {
        if (!await VisibleAsync(id, context, records, cancellationToken))
        {
            return RecordNotFound();
        }

        var events = await files.EventsAsync(new RecordId(id), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PreservationEventView>>([.. events.Select(PreservationEventView.Of)]);
    }

    /// <summary>A record the caller may not see (its classification above their clearance) is answered as missing.</summary>
    private static async Task<bool> VisibleAsync(Guid id, HttpContext context, RecordQueries records, CancellationToken cancellationToken) =>
        await records.GetAsync(new RecordId(id), await CatalogueUser.ClearanceAsync(context), cancellationToken) is not null;

    private static ProblemHttpResult MissingFile() =>
        ProblemMapper.ToProblem([Error.Validation("file", "请选择要上传的移交包（.zip，multipart/form-data 字段 file）")]);

    private static ProblemHttpResult TransferNotFound() => ProblemMapper.ToProblem([Error.NotFound("移交")]);

    private static ProblemHttpResult RecordNotFound() => ProblemMapper.ToProblem([Error.NotFound("档案")]);
}
