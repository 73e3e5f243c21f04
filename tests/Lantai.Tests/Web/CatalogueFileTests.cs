using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lantai.Data;
using Lantai.Security;
using Lantai.Tests.Catalogue.Export;
using Lantai.Tests.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Lantai.Tests.Web.CatalogueWeb;

namespace Lantai.Tests.Web;

public sealed class CatalogueFileTests
{
    [Fact]
    public async Task ExportPage_Xlsx_DownloadsTheFilteredCatalogueUnderAChineseName()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var first = await CreateRecordAsync(server, Draft("关于档案开放审核工作的通知"));
        var second = await CreateRecordAsync(server, Draft("关于红色档案征集工作的批复"));
        var otherYear = await CreateRecordAsync(server, Draft("关于民生档案查询利用的报告", year: 2017));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var response = await client.GetAsync("/Catalogue/Export?fonds=X013&year=2016&format=xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var codes = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["档号"]?.ToString()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("归档文件目录-X013-2016.xlsx", disposition?.FileNameStar);
        Assert.NotNull(disposition?.FileName);
        Assert.Equal([first.ArchivalCode, second.ArchivalCode], codes);
        Assert.DoesNotContain(otherYear.ArchivalCode, codes);
    }

    [Fact]
    public async Task ExportPage_Pdf_IsAPdfWithTheTitleAndOnlyTheFilteredRecords()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var kept = await CreateRecordAsync(server, Draft("关于档案开放审核工作的通知"));
        var other = await CreateRecordAsync(server, Draft("关于民生档案查询利用的报告", year: 2017));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var response = await client.GetAsync("/Catalogue/Export?fonds=X013&year=2016&format=pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Poppler.Squeeze(await Poppler.TextAsync(pdf));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("归档文件目录-X013-2016.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        Assert.Contains("归档文件目录", text, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze(kept.ArchivalCode), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Poppler.Squeeze(other.ArchivalCode), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportPage_ClassifiedRecord_IsAbsentForAViewerWithoutClearance()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var open = await CreateRecordAsync(server, Draft("关于档案开放审核工作的通知"));
        var secret = await CreateRecordAsync(server, Draft("关于重点档案抢救保护工作的通知", classification: "秘密"));
        var uncleared = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var cleared = await TestUsers.SignInAsNewUserAsync(server, 2, LantaiRoles.Archivist);

        var withoutClearance = await uncleared.GetStringAsync("/Catalogue/Export?format=csv");
        var withClearance = await cleared.GetStringAsync("/Catalogue/Export?format=csv");
        var stamps = Poppler.Squeeze(await Poppler.TextAsync(await uncleared.GetByteArrayAsync("/Catalogue/Export?format=stamps")));

        Assert.Contains(open.ArchivalCode, withoutClearance, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.ArchivalCode, withoutClearance, StringComparison.Ordinal);
        Assert.DoesNotContain("重点档案抢救", withoutClearance, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squeeze(open.ArchivalCode), stamps, StringComparison.Ordinal);
        Assert.DoesNotContain(Poppler.Squeeze(secret.ArchivalCode), stamps, StringComparison.Ordinal);
        Assert.Contains(secret.ArchivalCode, withClearance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsList_LinksToTheExportPageWithItsFilters()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        await CreateRecordAsync(server, Draft("关于档案开放审核工作的通知"));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var list = await client.GetStringAsync("/Catalogue/Records?fonds=X013&year=2016&sort=date&limit=20");
        var export = await client.GetAsync("/Catalogue/Export?fonds=X013&year=2016");
        var page = await export.Content.ReadAsStringAsync();
        var wrong = await client.GetAsync("/Catalogue/Export?year=20x6&format=doc");
        var wrongPage = await wrong.Content.ReadAsStringAsync();

        Assert.Contains("href=\"/Catalogue/Export?fonds=X013&amp;year=2016\"", list, StringComparison.Ordinal);
        Assert.Contains("导出本页筛选结果", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/html", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("将导出 1 件", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2016\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("年度“20x6”无效", wrongPage, StringComparison.Ordinal);
        Assert.Contains("导出格式“doc”无效", wrongPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportApi_StreamsCatalogueAndStampsAndRefusesAnUnknownFormat()
    {
        await using var server = await LantaiServer.StartAsync();
        await CreateFondsAsync(server);
        var record = await CreateRecordAsync(server, Draft("关于档案开放审核工作的通知"));
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var csv = await client.GetAsync("/api/v1/exports/filing-catalogue?format=csv&fonds=X013");
        var stamps = await client.GetAsync("/api/v1/exports/filing-stamps?year=2016");
        var stampsPdf = await stamps.Content.ReadAsByteArrayAsync();
        var wrong = await client.GetAsync("/api/v1/exports/filing-catalogue?format=stamps");
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("归档文件目录-X013.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains(record.ArchivalCode, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stamps.StatusCode);
        Assert.Equal("归档章-2016.pdf", stamps.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains(Poppler.Squeeze(record.ArchivalCode), Poppler.Squeeze(await Poppler.TextAsync(stampsPdf)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("urn:lantai:problem:invalid-query", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task ImportApi_Sample_Answers201AndStoresEveryRecord()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var response = await PostFileAsync(client, "/api/v1/imports", "catalogue-0426-ws.csv");
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(536, outcome.GetProperty("recordCount").GetInt32());
        Assert.Equal("catalogue-0426-ws.csv", outcome.GetProperty("fileName").GetString());
        Assert.Equal(64, outcome.GetProperty("sm3").GetString()!.Length);
        Assert.Equal(536, await CountAsync(server, db => db.Records.CountAsync()));
        Assert.Equal(1, await CountAsync(server, db => db.CatalogueImports.CountAsync()));
    }

    [Fact]
    public async Task ImportApi_BadRows_Answers422NamingEveryWrongRowAndStoresNothing()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var response = await PostFileAsync(client, "/api/v1/imports", "catalogue-bad-rows.csv");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:lantai:problem:import-refused", problem.GetProperty("type").GetString());
        Assert.Equal("目录导入被拒绝", problem.GetProperty("title").GetString());
        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11], errors.Select(e => e.GetProperty("row").GetInt32()).Distinct().Order());
        var dateError = Assert.Single(errors, e => e.GetProperty("row").GetInt32() == 4);
        Assert.Equal("日期", dateError.GetProperty("column").GetString());
        Assert.Equal("日期“20211345”不存在", dateError.GetProperty("message").GetString());
        Assert.Equal("第4行 日期: 日期“20211345”不存在", dateError.GetProperty("line").GetString());
        Assert.Equal(0, await CountAsync(server, db => db.Records.CountAsync()));
        Assert.Equal(0, await CountAsync(server, db => db.Fonds.CountAsync()));
    }

    [Fact]
    public async Task ImportApi_DryRun_ReturnsThePreviewAndStoresNothing()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var response = await PostFileAsync(client, "/api/v1/imports?dryRun=true", "catalogue-0426-ws.csv");
        var strictResponse = await PostFileAsync(client, "/api/v1/imports", "catalogue-0426-ws.csv", ("dryRun", "true"), ("strict", "true"));
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        var strict = await strictResponse.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(536, preview.GetProperty("rowCount").GetInt32());
        Assert.Equal(536, preview.GetProperty("validRowCount").GetInt32());
        Assert.True(preview.GetProperty("canCommit").GetBoolean());
        Assert.Equal("0426", preview.GetProperty("newFonds")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, strictResponse.StatusCode);
        Assert.False(strict.GetProperty("canCommit").GetBoolean());
        Assert.Equal(0, await CountAsync(server, db => db.Records.CountAsync()));
        Assert.Equal(0, await CountAsync(server, db => db.Fonds.CountAsync()));
        Assert.Equal(0, await CountAsync(server, db => db.CatalogueImports.CountAsync()));
    }

    [Fact]
    public async Task ImportApi_RefusesReviewersAnonymousCallersAndAMissingFile()
    {
        await using var server = await LantaiServer.StartAsync();
        var reviewer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);
        var archivist = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var anonymous = server.CreateClient(followRedirects: false);

        var forbidden = await PostFileAsync(reviewer, "/api/v1/imports", "catalogue-0426-ws.csv");
        var unauthenticated = await PostFileAsync(anonymous, "/api/v1/imports", "catalogue-0426-ws.csv");
        var anonymousExport = await anonymous.GetAsync("/api/v1/exports/filing-catalogue");
        using var empty = new MultipartFormDataContent { { new StringContent("true"), "dryRun" } };
        var missing = await archivist.PostAsync("/api/v1/imports", empty);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.StartsWith("请选择要导入的目录文件", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(server, db => db.Records.CountAsync()));
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string sample, params (string Name, string Value)[] fields)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(ImportSamples.PathOf(sample)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", sample);
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return await client.PostAsync(url, content);
    }

    private static async Task<int> CountAsync(LantaiServer server, Func<LantaiDbContext, Task<int>> count)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<LantaiDbContext>());
    }
}
