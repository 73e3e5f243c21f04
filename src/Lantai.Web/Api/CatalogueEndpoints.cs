using System.Globalization;
using System.Security.Cryptography;
using Lantai.Catalogue;
using Lantai.Common;
using Lantai.Data;
using Lantai.Web.Api.Catalogue;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Web.Api;

/// <summary>
/// /api/v1 catalogue endpoints: fonds, records, volumes, arrangement and code lists. Each one binds, calls one use case
/// and maps the result; records above the caller's clearance do not exist for them (404, never 403, so nothing leaks).
/// </summary>
public static class CatalogueEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // One store per application, captured by the endpoint that uses it (no static state shared between test servers).
        var idempotency = new IdempotencyStore(((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<TimeProvider>());

        var fonds = group.MapGroup("/fonds").WithTags("全宗");
        fonds.MapGet("", ListFondsAsync).WithName("ListFonds").WithSummary("列出全宗（含机构(问题)与档案件数）")
            .RequireAuthorization(Policies.CatalogueRead);
        fonds.MapPost("", CreateFondsAsync).WithName("CreateFonds").WithSummary("建立全宗")
            .Accepts<FondsRequest>("application/json").ProducesProblem(400).ProducesProblem(409).RequireAuthorization(Policies.CatalogueWrite);
        fonds.MapGet("/{id:guid}", GetFondsAsync).WithName("GetFonds").WithSummary("读取一个全宗")
            .RequireAuthorization(Policies.CatalogueRead);
        fonds.MapPut("/{id:guid}", UpdateFondsAsync).WithName("UpdateFonds").WithSummary("修改全宗（全宗号不可改）")
            .Accepts<FondsRequest>("application/json").ProducesProblem(400).RequireAuthorization(Policies.CatalogueWrite);
        fonds.MapPost("/{id:guid}/org-units", AddOrgUnitAsync).WithName("AddOrgUnit").WithSummary("为全宗增加机构(问题)")
            .Accepts<OrgUnitRequest>("application/json").ProducesProblem(400).ProducesProblem(409).RequireAuthorization(Policies.CatalogueWrite);

        var records = group.MapGroup("/records").WithTags("档案");
        records.MapGet("", ListRecordsAsync).WithName("ListRecords")
            .WithSummary("列出档案（筛选、排序、游标翻页）")
            .WithDescription("按全宗、门类、年度（2016 或 2010-2016）、保管期限、机构(问题)、开放状态、密级、文字筛选；sort=code|year|date，dir=asc|desc；limit 1-500；cursor 取上一页的 nextCursor。只返回调用者知悉范围内的档案。")
            .ProducesProblem(400).RequireAuthorization(Policies.CatalogueRead);
        records.MapGet("/{id:guid}", GetRecordAsync).WithName("GetRecord").WithSummary("读取一件档案（ETag 为版本号）")
            .RequireAuthorization(Policies.CatalogueRead);
        records.MapGet("/{id:guid}/history", GetRecordHistoryAsync).WithName("GetRecordHistory").WithSummary("档案的修改历史")
            .RequireAuthorization(Policies.CatalogueRead);
        records.MapPost("", (HttpContext context, RecordService service, RecordQueries queries, LantaiDbContext db, CancellationToken cancellationToken) =>
                CreateRecordAsync(context, service, queries, db, idempotency, cancellationToken))
            .WithName("CreateRecord")
            .WithSummary("著录一件档案（支持 Idempotency-Key 请求头）")
            .WithDescription("件号省略时取本组下一个号；档号省略时按全宗的档号模板生成。带 Idempotency-Key 重试时，24 小时内（同一用户、同一请求体）返回第一次创建的档案而不重复创建。")
            .Accepts<RecordRequest>("application/json").ProducesProblem(400).ProducesProblem(409).ProducesProblem(422)
            .RequireAuthorization(Policies.CatalogueWrite);
        records.MapPut("/{id:guid}", UpdateRecordAsync).WithName("UpdateRecord")
            .WithSummary("修改一件档案（If-Match 或请求体中的 version）")
            .Accepts<RecordRequest>("application/json").ProducesProblem(400).ProducesProblem(409).ProducesProblem(412).ProducesProblem(428)
            .RequireAuthorization(Policies.CatalogueWrite);

        var volumes = group.MapGroup("/volumes").WithTags("案卷");
        volumes.MapGet("", ListVolumesAsync).WithName("ListVolumes").WithSummary("列出案卷").ProducesProblem(400)
            .RequireAuthorization(Policies.CatalogueRead);
        volumes.MapPost("", CreateVolumeAsync).WithName("CreateVolume").WithSummary("建立案卷（案卷号取本类下一个号）")
            .Accepts<VolumeRequest>("application/json").ProducesProblem(400).ProducesProblem(409).RequireAuthorization(Policies.CatalogueWrite);
        volumes.MapGet("/{id:guid}", GetVolumeAsync).WithName("GetVolume").WithSummary("读取一个案卷")
            .RequireAuthorization(Policies.CatalogueRead);
        volumes.MapPost("/{id:guid}/items", AddVolumeItemAsync).WithName("AddVolumeItem").WithSummary("将一件档案组入案卷")
            .Accepts<VolumeItemRequest>("application/json").ProducesProblem(400).ProducesProblem(409).RequireAuthorization(Policies.CatalogueWrite);

        var arrangement = group.MapGroup("/arrangement").WithTags("整理");
        arrangement.MapPost("/renumber/preview", PreviewRenumberAsync).WithName("PreviewRenumber").WithSummary("预览重新编号（新旧档号对照）")
            .Accepts<RenumberRequest>("application/json").ProducesProblem(400).RequireAuthorization(Policies.CatalogueWrite);
        arrangement.MapPost("/renumber/apply", ApplyRenumberAsync).WithName("ApplyRenumber").WithSummary("执行重新编号（带预览的 token 时，组内有变动则拒绝）")
            .Accepts<RenumberRequest>("application/json").ProducesProblem(400).ProducesProblem(409).RequireAuthorization(Policies.CatalogueWrite);

        group.MapGet("/code-lists", GetCodeListsAsync).WithTags("代码表").WithName("GetCodeLists").WithSummary("门类、保管期限、密级、载体代码表与档号模板")
            .RequireAuthorization(Policies.CatalogueRead);
        return group;
    }

    private static async Task<Ok<List<FondsResponse>>> ListFondsAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Fonds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var counts = await db.Records.AsNoTracking().GroupBy(r => r.FondsId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(f => FondsResponse.Of(f, counts.GetValueOrDefault(f.Id), units)).ToList());
    }

    private static async Task<Results<Ok<FondsResponse>, ProblemHttpResult>> GetFondsAsync(Guid id, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var fondsId = new FondsId(id);
        var fonds = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fondsId, cancellationToken);
        if (fonds is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("全宗")]);
        }

        var count = await db.Records.CountAsync(r => r.FondsId == fondsId, cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.FondsId == fondsId).ToListAsync(cancellationToken);
        return TypedResults.Ok(FondsResponse.Of(fonds, count, units));
    }

    private static async Task<Results<Created<FondsResponse>, ProblemHttpResult>> CreateFondsAsync(HttpContext context, FondsService service, CancellationToken cancellationToken)
    {
        var (body, _) = await ApiJson.ReadAsync<FondsRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        var result = await service.CreateAsync(FondsDraftOf(body.Value, body.Value.Code), CatalogueUser.Actor(context.User), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/fonds/{result.Value.Id}", FondsResponse.Of(result.Value, 0, []))
            : ProblemMapper.ToProblem(result.Errors);
    }

    private static async Task<Results<Ok<FondsResponse>, ProblemHttpResult>> UpdateFondsAsync(Guid id, HttpContext context, FondsService service, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var fondsId = new FondsId(id);
        var existing = await db.Fonds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fondsId, cancellationToken);
        if (existing is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("全宗")]);
        }

        var (body, _) = await ApiJson.ReadAsync<FondsRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        var result = await service.UpdateAsync(fondsId, FondsDraftOf(body.Value, body.Value.Code ?? existing.Code), CatalogueUser.Actor(context.User), cancellationToken);
        if (!result.Succeeded)
        {
            return ProblemMapper.ToProblem(result.Errors);
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.FondsId == fondsId).ToListAsync(cancellationToken);
        return TypedResults.Ok(FondsResponse.Of(result.Value, null, units));
    }

    private static async Task<Results<Created<OrgUnitResponse>, ProblemHttpResult>> AddOrgUnitAsync(Guid id, HttpContext context, FondsService service, CancellationToken cancellationToken)
    {
        var (body, _) = await ApiJson.ReadAsync<OrgUnitRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        var result = await service.AddOrgUnitAsync(new FondsId(id), body.Value.Code ?? "", body.Value.Name ?? "", CatalogueUser.Actor(context.User), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/fonds/{id}", OrgUnitResponse.Of(result.Value))
            : ProblemMapper.ToProblem(result.Errors);
    }

    private static async Task<Results<Ok<RecordListResponse>, ProblemHttpResult>> ListRecordsAsync(
        [AsParameters] RecordListQuery query, HttpContext context, LantaiDbContext db, RecordQueries queries, CancellationToken cancellationToken)
    {
        var request = await query.ParseAsync(db, await CatalogueUser.ClearanceAsync(context), cancellationToken);
        if (!request.Succeeded)
        {
            return ProblemMapper.InvalidQuery(request.Errors);
        }

        var page = await RecordListing.PageAsync(queries, request.Value, cancellationToken);
        return TypedResults.Ok(new RecordListResponse([.. page.Items.Select(RecordResponse.Of)], page.NextCursor, page.PreviousCursor));
    }

    private static async Task<Results<Ok<RecordResponse>, ProblemHttpResult>> GetRecordAsync(Guid id, HttpContext context, RecordQueries queries, CancellationToken cancellationToken)
    {
        var record = await queries.GetAsync(new RecordId(id), await CatalogueUser.ClearanceAsync(context), cancellationToken);
        if (record is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("档案")]);
        }

        context.Response.Headers.ETag = ETag(record.Version);
        return TypedResults.Ok(RecordResponse.Of(record));
    }

    private static async Task<Results<Ok<IReadOnlyList<RecordHistoryEntry>>, ProblemHttpResult>> GetRecordHistoryAsync(
        Guid id, HttpContext context, RecordQueries queries, RecordHistory history, CancellationToken cancellationToken)
    {
        var record = await queries.GetAsync(new RecordId(id), await CatalogueUser.ClearanceAsync(context), cancellationToken);
        if (record is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("档案")]);
        }

        return TypedResults.Ok(await history.ForRecordAsync(record.Id, cancellationToken));
    }

    private static async Task<Results<Created<RecordResponse>, ProblemHttpResult>> CreateRecordAsync(
        HttpContext context, RecordService service, RecordQueries queries, LantaiDbContext db, IdempotencyStore idempotency, CancellationToken cancellationToken)
    {
        var (body, raw) = await ApiJson.ReadAsync<RecordRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        var clearance = await CatalogueUser.ClearanceAsync(context);
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        var userId = CatalogueUser.Id(context.User);
        if (key.Length > 0)
        {
            if (key.Length > IdempotencyStore.MaxKeyLength)
            {
                return ProblemMapper.Problem(400, "validation", "提交的数据有误", $"Idempotency-Key 过长（不超过{IdempotencyStore.MaxKeyLength}字符）", IdempotencyKeyHeader);
            }

            var claim = idempotency.Claim(userId, key, Convert.ToHexStringLower(SHA256.HashData(raw)));
            switch (claim.State)
            {
                case IdempotencyState.Replay:
                    var earlier = await queries.GetAsync(RecordId.Parse(claim.ResourceId!, CultureInfo.InvariantCulture), clearance, cancellationToken);
                    if (earlier is null)
                    {
                        return ProblemMapper.ToProblem([Error.NotFound("档案")]);
                    }

                    context.Response.Headers["Idempotent-Replayed"] = "true";
                    context.Response.Headers.ETag = ETag(earlier.Version);
                    return TypedResults.Created($"/api/v1/records/{earlier.Id}", RecordResponse.Of(earlier));
                case IdempotencyState.InProgress:
                    return ProblemMapper.Problem(409, "idempotency-in-progress", "请求正在处理", "使用同一 Idempotency-Key 的上一个请求尚未完成，请稍后重试");
                case IdempotencyState.KeyReused:
                    return ProblemMapper.Problem(422, "idempotency-key-reused", "幂等键已被使用", "该 Idempotency-Key 已用于内容不同的请求，请换一个键");
            }
        }

        string? created = null;
        try
        {
            var draft = body.Value.ToDraft();
            if (!draft.Succeeded)
            {
                return ProblemMapper.ToProblem(draft.Errors);
            }

            var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
            if (await CheckPlacementAsync(db, rules, draft.Value, clearance, cancellationToken) is { } refused)
            {
                return ProblemMapper.ToProblem([refused]);
            }

            var result = await service.CreateAsync(draft.Value, CatalogueUser.Actor(context.User), cancellationToken);
            if (!result.Succeeded)
            {
                return ProblemMapper.ToProblem(result.Errors);
            }

            created = result.Value.Id.ToString();
            context.Response.Headers.ETag = ETag(result.Value.Version);
            return TypedResults.Created($"/api/v1/records/{result.Value.Id}", RecordResponse.Of(result.Value));
        }
        finally
        {
            if (key.Length > 0)
            {
                idempotency.Complete(userId, key, created);
            }
        }
    }

    private static async Task<Results<Ok<RecordResponse>, ProblemHttpResult>> UpdateRecordAsync(
        Guid id, HttpContext context, RecordService service, RecordQueries queries, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var clearance = await CatalogueUser.ClearanceAsync(context);
        var current = await queries.GetAsync(new RecordId(id), clearance, cancellationToken);
        if (current is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("档案")]);
        }

        var (body, _) = await ApiJson.ReadAsync<RecordRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        int version;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            var tag = ifMatch.Trim();
            if (tag == "*")
            {
                version = current.Version;
            }
            else if (!int.TryParse(tag.Replace("W/", "", StringComparison.Ordinal).Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version))
            {
                return ProblemMapper.Problem(400, "validation", "提交的数据有误", $"If-Match“{ifMatch}”无效（应为 GET 返回的 ETag，如 \"3\"）", "If-Match");
            }
        }
        else if (body.Value.Version is { } inBody)
        {
            version = inBody;
        }
        else
        {
            return ProblemMapper.Problem(428, "precondition-required", "需要版本号", "修改档案需带 If-Match 请求头（GET 返回的 ETag）或请求体中的 version，以免覆盖他人的修改");
        }

        if (version != current.Version)
        {
            return ProblemMapper.Problem(412, "version-mismatch", "版本不符", $"该档案已被他人修改（当前版本 {current.Version}），请重新读取后再修改");
        }

        var draft = (body.Value with { FondsCode = body.Value.FondsCode ?? current.FondsCode }).ToDraft();
        if (!draft.Succeeded)
        {
            return ProblemMapper.ToProblem(draft.Errors);
        }

        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        if (await CheckPlacementAsync(db, rules, draft.Value, clearance, cancellationToken) is { } refused)
        {
            return ProblemMapper.ToProblem([refused]);
        }

        var result = await service.UpdateAsync(current.Id, draft.Value, version, CatalogueUser.Actor(context.User), cancellationToken);
        if (!result.Succeeded)
        {
            return ProblemMapper.ToProblem(result.Errors);
        }

        context.Response.Headers.ETag = ETag(result.Value.Version);
        return TypedResults.Ok(RecordResponse.Of(result.Value));
    }

    private static async Task<Results<Ok<VolumeListResponse>, ProblemHttpResult>> ListVolumesAsync(
        [AsParameters] VolumeListQuery query, HttpContext context, VolumeQueries queries, CancellationToken cancellationToken)
    {
        var parsed = query.Parse(await CatalogueUser.ClearanceAsync(context));
        if (!parsed.Succeeded)
        {
            return ProblemMapper.InvalidQuery(parsed.Errors);
        }

        var (filter, cursor, limit) = parsed.Value;
        var page = await queries.PageAsync(filter, cursor, limit, cancellationToken);
        return TypedResults.Ok(new VolumeListResponse([.. page.Items.Select(s => VolumeResponse.Of(s.Volume, s.ItemCount))], page.NextCursor));
    }

    private static async Task<Results<Ok<VolumeResponse>, ProblemHttpResult>> GetVolumeAsync(Guid id, HttpContext context, VolumeQueries queries, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var volume = await queries.GetAsync(new VolumeId(id), await CatalogueUser.ClearanceAsync(context), cancellationToken);
        if (volume is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("案卷")]);
        }

        var count = await db.Records.CountAsync(r => r.VolumeId == volume.Id, cancellationToken);
        return TypedResults.Ok(VolumeResponse.Of(volume, count));
    }

    private static async Task<Results<Created<VolumeResponse>, ProblemHttpResult>> CreateVolumeAsync(HttpContext context, VolumeService service, LantaiDbContext db, CancellationToken cancellationToken)
    {
        var (body, _) = await ApiJson.ReadAsync<VolumeRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        var v = body.Value;
        if (v.Year is null)
        {
            return ProblemMapper.ToProblem([Error.Validation(RecordFields.Year, "年度不能为空")]);
        }

        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        if (ClassificationGuard.Check(rules, v.Classification, await CatalogueUser.ClearanceAsync(context)) is { } tooHigh)
        {
            return ProblemMapper.ToProblem([tooHigh]);
        }

        var result = await service.CreateAsync(new VolumeDraft
        {
            FondsCode = v.FondsCode ?? "",
            CategoryCode = v.CategoryCode ?? "WS",
            Year = v.Year.Value,
            RetentionCode = v.RetentionCode ?? "",
            OrgUnitCode = v.OrgUnitCode ?? "",
            VolumeNumber = v.VolumeNumber,
            Title = v.Title ?? "",
            Remarks = v.Remarks,
            Classification = v.Classification ?? "",
        }, CatalogueUser.Actor(context.User), cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/volumes/{result.Value.Id}", VolumeResponse.Of(result.Value, 0))
            : ProblemMapper.ToProblem(result.Errors);
    }

    private static async Task<Results<Ok<RecordResponse>, ProblemHttpResult>> AddVolumeItemAsync(
        Guid id, HttpContext context, VolumeService service, VolumeQueries volumes, RecordQueries records, CancellationToken cancellationToken)
    {
        var clearance = await CatalogueUser.ClearanceAsync(context);
        var volume = await volumes.GetAsync(new VolumeId(id), clearance, cancellationToken);
        if (volume is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("案卷")]);
        }

        var (body, _) = await ApiJson.ReadAsync<VolumeItemRequest>(context.Request, cancellationToken);
        if (!body.Succeeded)
        {
            return ProblemMapper.ToProblem(body.Errors);
        }

        var record = await records.GetAsync(new RecordId(body.Value.RecordId), clearance, cancellationToken);
        if (record is null)
        {
            return ProblemMapper.ToProblem([Error.NotFound("档案")]);
        }

        var result = await service.AddItemAsync(volume.Id, record.Id, body.Value.Version, CatalogueUser.Actor(context.User), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(RecordResponse.Of(result.Value)) : ProblemMapper.ToProblem(result.Errors);
    }

    private static async Task<Results<Ok<RenumberResponse>, ProblemHttpResult>> PreviewRenumberAsync(HttpContext context, RenumberingService service, CancellationToken cancellationToken)
    {
        var (body, _) = await ApiJson.ReadAsync<RenumberRequest>(context.Request, cancellationToken);
        var parsed = body.Succeeded ? body.Value.Parse() : Result<(ArrangementGroup, RenumberOrder)>.Fail(body.Errors);
        if (!parsed.Succeeded)
        {
            return ProblemMapper.ToProblem(parsed.Errors);
        }

        var (group, order) = parsed.Value;
        var preview = await service.PreviewAsync(group, order, await CatalogueUser.ClearanceAsync(context), cancellationToken);
        return preview.Succeeded ? TypedResults.Ok(RenumberResponse.Of(preview.Value)) : ProblemMapper.ToProblem(preview.Errors);
    }

    private static async Task<Results<Ok<RenumberResponse>, ProblemHttpResult>> ApplyRenumberAsync(HttpContext context, RenumberingService service, CancellationToken cancellationToken)
    {
        var (body, _) = await ApiJson.ReadAsync<RenumberRequest>(context.Request, cancellationToken);
        var parsed = body.Succeeded ? body.Value.Parse() : Result<(ArrangementGroup, RenumberOrder)>.Fail(body.Errors);
        if (!parsed.Succeeded)
        {
            return ProblemMapper.ToProblem(parsed.Errors);
        }

        var (group, order) = parsed.Value;
        var applied = await service.ApplyAsync(group, order, body.Value.Token, CatalogueUser.Actor(context.User), cancellationToken);
        if (!applied.Succeeded)
        {
            return ProblemMapper.ToProblem(applied.Errors);
        }

        // The applied plan was made with full clearance: the answer leaves titles out (the caller saw them in the preview).
        var shown = applied.Value with { Items = [.. applied.Value.Items.Select(i => i with { Title = null, Date = null })] };
        return TypedResults.Ok(RenumberResponse.Of(shown));
    }

    private static async Task<Ok<CodeListsResponse>> GetCodeListsAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var entries = await db.CodeListEntries.AsNoTracking().OrderBy(e => e.Rank).ToListAsync(cancellationToken);
        var templates = await db.ArchivalCodeTemplates.AsNoTracking().OrderBy(t => t.Key).ToListAsync(cancellationToken);
        List<CodeEntryResponse> Of(string list) => [.. entries.Where(e => e.List == list).Select(e => new CodeEntryResponse(e.Code, e.Name, e.Rank, e.Years))];
        return TypedResults.Ok(new CodeListsResponse(
            [.. categories.Select(c => new CodeEntryResponse(c.Code, c.Name, c.SortOrder, null))],
            Of(CodeLists.Retention),
            Of(CodeLists.Classification),
            Of(CodeLists.Carrier),
            [.. templates.Select(t => new TemplateResponse(t.Key, t.Name, t.Pattern, t.ForVolumes))]));
    }

    /// <summary>The caller may not file above their clearance, nor into a volume they cannot see.</summary>
    private static async Task<Error?> CheckPlacementAsync(LantaiDbContext db, CatalogueRules rules, RecordDraft draft, int clearance, CancellationToken cancellationToken)
    {
        if (ClassificationGuard.Check(rules, draft.Classification, clearance) is { } tooHigh)
        {
            return tooHigh;
        }

        if (draft.VolumeId is { } volumeId)
        {
            var visible = rules.VisibleClassifications(clearance);
            if (!await db.Volumes.AnyAsync(v => v.Id == volumeId && visible.Contains(v.Classification), cancellationToken))
            {
                return Error.Validation("VolumeId", "案卷不存在");
            }
        }

        return null;
    }

    private static FondsDraft FondsDraftOf(FondsRequest body, string? code) => new()
    {
        Code = code ?? "",
        Name = body.Name ?? "",
        CreatorName = body.CreatorName,
        StartYear = body.StartYear,
        EndYear = body.EndYear,
        CodeTemplateKey = body.CodeTemplateKey ?? ArchivalCodeTemplate.Dat22ItemKey,
        Description = body.Description,
    };

    private static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
