using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lantai.Tests.Web.CatalogueWeb;

namespace Lantai.Tests.Web;

public sealed class CatalogueApiTests
{
    [Fact]
    public async Task Records_Unauthenticated_Answers401()
    {
        await using var server = await LantaiServer.StartAsync();
        var anonymous = server.CreateClient(followRedirects: false);

        var response = await anonymous.GetAsync("/api/v1/records");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreateRecord_InvalidBody_AnswersProblemDetailsInChinese()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var invalid = await client.PostAsJsonAsync("/api/v1/records", new { fondsCode = "X013", year = 2016, retentionCode = "Q", title = "" });
        var malformed = await client.PostAsync("/api/v1/records", new StringContent("{\"year\": \"二〇一六\"}", System.Text.Encoding.UTF8, "application/json"));
        var missing = await client.GetAsync($"/api/v1/records/{Guid.NewGuid()}");
        var problem = await ReadProblemAsync(invalid);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:lantai:problem:validation", problem.GetProperty("type").GetString());
        Assert.Equal("提交的数据有误", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("题名不能为空", problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.StartsWith("保管期限代码“Q”无效", problem.GetProperty("errors").GetProperty("retentionCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("year", (await ReadProblemAsync(malformed)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("urn:lantai:problem:not-found", (await ReadProblemAsync(missing)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("year=20x6", "year")]
    [InlineData("year=2016-2010", "year")]
    [InlineData("year=99999999999999999999", "year")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("open=secret", "open")]
    [InlineData("open=7", "open")]
    [InlineData("sort=title", "sort")]
    [InlineData("dir=sideways", "dir")]
    [InlineData("cursor=%%%garbage", "cursor")]
    [InlineData("cursor=AAAA", "cursor")]
    [InlineData("sort=year&cursor=CllMAA", "cursor")]
    [InlineData("before=!!", "before")]
    public async Task ListRecords_HostileQueryString_Answers400NamingTheParameter(string query, string parameter)
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var response = await client.GetAsync("/api/v1/records?" + query);
        var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:lantai:problem:invalid-query", problem.GetProperty("type").GetString());
        Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors should name {parameter}");
    }

    [Fact]
    public async Task ListRecords_CursorFromAnotherSort_IsRefused()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        await CreateRecordAsync(server, Draft("甲"));
        await CreateRecordAsync(server, Draft("乙"));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/records?sort=date&limit=1");
        var cursor = page.GetProperty("nextCursor").GetString();

        var response = await client.GetAsync("/api/v1/records?sort=year&cursor=" + Uri.EscapeDataString(cursor!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("code", "asc")]
    [InlineData("code", "desc")]
    [InlineData("year", "asc")]
    [InlineData("year", "desc")]
    [InlineData("date", "asc")]
    [InlineData("date", "desc")]
    public async Task ListRecords_KeysetPaging_WalksEveryRowExactlyOnce(string sort, string dir)
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        await CreateFondsAsync(server, "0426", "示例旗档案局");
        for (var i = 0; i < 23; i++)
        {
            DateOnly? date = i % 4 == 0 ? null : new DateOnly(2010 + (i % 3), 1 + (i % 6), 1);
            await CreateRecordAsync(server, Draft($"文件{i}", fonds: i % 2 == 0 ? "X013" : "0426", year: 2010 + (i % 3), date: date));
        }

        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/records?sort={sort}&dir={dir}&limit=5" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && ++pages < 20);

        var ids = seen.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(23, ids.Count);
        Assert.Equal(23, ids.Distinct().Count());
        var keys = seen.Select(r => sort switch
        {
            "year" => r.GetProperty("year").GetInt32().ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            // Undated first ascending (last descending): "" sorts before any date.
            "date" => r.GetProperty("date").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("date").GetString()!,
            _ => "",
        } + "\n" + r.GetProperty("archivalCode").GetString()).ToList();
        var expected = dir == "asc" ? keys.Order(StringComparer.Ordinal).ToList() : keys.OrderDescending(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, keys);
    }

    [Fact]
    public async Task CreateRecord_RetriedWithIdempotencyKey_CreatesOneRecord()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var body = new { fondsCode = "X013", year = 2016, retentionCode = "Y", orgUnitCode = "BGS", title = "关于档案数字化的请示", date = "2016-05-04", openStatus = "open" };

        async Task<HttpResponseMessage> PostAsync(object content, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = JsonContent.Create(content) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var first = await PostAsync(body, "k-1");
        var retry = await PostAsync(body, "k-1");
        var reused = await PostAsync(body with { title = "别的题名" }, "k-1");
        var other = await PostAsync(body, "k-2");
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await retry.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal("X013-WS·2016-Y-BGS-0001", a.GetProperty("archivalCode").GetString());
        Assert.Equal("open", a.GetProperty("openStatus").GetString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((HttpStatusCode)422, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<LantaiDbContext>().Records.CountAsync());
    }

    [Fact]
    public async Task UpdateRecord_NeedsTheCurrentVersion()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var record = await CreateRecordAsync(server, Draft("原题名"));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var get = await client.GetAsync($"/api/v1/records/{record.Id}");
        var etag = get.Headers.ETag!.Tag;
        var body = new { year = 2016, retentionCode = "Y", orgUnitCode = "BGS", title = "新题名" };

        async Task<HttpResponseMessage> PutAsync(string? ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/records/{record.Id}") { Content = JsonContent.Create(body) };
            if (ifMatch is not null)
            {
                request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
            }

            return await client.SendAsync(request);
        }

        var without = await PutAsync(null);
        var updated = await PutAsync(etag);
        var stale = await PutAsync(etag);

        Assert.Equal("\"0\"", etag);
        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"1\"", updated.Headers.ETag!.Tag);
        Assert.Equal("新题名", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("urn:lantai:problem:version-mismatch", (await ReadProblemAsync(stale)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task FondsVolumesArrangementAndCodeLists_WorkThroughTheApi()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var fonds = await client.PostAsJsonAsync("/api/v1/fonds", new { code = "A439", name = "示例盟档案馆", codeTemplateKey = ArchivalCodeTemplate.Dat13ItemKey });
        var fondsId = (await fonds.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var duplicate = await client.PostAsJsonAsync("/api/v1/fonds", new { code = "A439", name = "重复" });
        var unit = await client.PostAsJsonAsync($"/api/v1/fonds/{fondsId}/org-units", new { code = "003", name = "办公室" });
        var renamed = await client.PutAsJsonAsync($"/api/v1/fonds/{fondsId}", new { name = "示例盟档案馆（改）", codeTemplateKey = ArchivalCodeTemplate.Dat13ItemKey });
        await client.PostAsJsonAsync("/api/v1/records", new { fondsCode = "A439", year = 2015, retentionCode = "D30", orgUnitCode = "003", itemNumber = 5, title = "甲" });
        var volume = await client.PostAsJsonAsync("/api/v1/volumes", new { fondsCode = "A439", year = 2015, retentionCode = "D30", orgUnitCode = "003", title = "卷一" });
        var preview = await client.PostAsJsonAsync("/api/v1/arrangement/renumber/preview", new { fondsCode = "A439", categoryCode = "WS", year = 2015, retentionCode = "D30", orgUnitCode = "003" });
        var previewBody = await preview.Content.ReadFromJsonAsync<JsonElement>();
        var apply = await client.PostAsJsonAsync("/api/v1/arrangement/renumber/apply", new { fondsCode = "A439", categoryCode = "WS", year = 2015, retentionCode = "D30", orgUnitCode = "003", token = previewBody.GetProperty("token").GetString() });
        var lists = await client.GetFromJsonAsync<JsonElement>("/api/v1/code-lists");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/fonds");
        var volumes = await client.GetFromJsonAsync<JsonElement>("/api/v1/volumes?fonds=A439");

        Assert.Equal(HttpStatusCode.Created, fonds.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("A439-WS·2015·D30-001", (await volume.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archivalCode").GetString());
        Assert.Equal("A439-WS·2015·D30·003-0001", previewBody.GetProperty("items")[0].GetProperty("newArchivalCode").GetString());
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Equal(1, (await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changedCount").GetInt32());
        Assert.Contains(lists.GetProperty("classification").EnumerateArray(), c => c.GetProperty("code").GetString() == "秘密");
        var listed = Assert.Single(all.EnumerateArray());
        Assert.Equal(1, listed.GetProperty("recordCount").GetInt32());
        Assert.Equal("003", listed.GetProperty("orgUnits")[0].GetProperty("code").GetString());
        Assert.Equal(1, volumes.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCatalogueEndpoints()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
            .Select(o => o.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();

        Assert.True(paths.TryGetProperty("/api/v1/records", out var records));
        Assert.Contains(records.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "cursor");
        Assert.Equal("列出档案（筛选、排序、游标翻页）", records.GetProperty("get").GetProperty("summary").GetString());
        Assert.Superset(new HashSet<string?>
        {
            "ListFonds", "CreateFonds", "GetFonds", "UpdateFonds", "AddOrgUnit", "ListRecords", "GetRecord", "CreateRecord", "UpdateRecord",
            "ListVolumes", "CreateVolume", "PreviewRenumber", "ApplyRenumber", "GetCodeLists",
        }, operations.ToHashSet());
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
