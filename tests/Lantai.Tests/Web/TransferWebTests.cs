using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Tests.Catalogue.Export;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Preservation;
using Lantai.Tests.Transfer;
using Lantai.Transfer;
using Lantai.Transfer.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Web;

/// <summary>
/// The transfer pages and API over real HTTP, on transfers written straight into the tables as a finished check leaves
/// them (see <see cref="TransferTestData"/>), so they run without the check and ingest jobs.
/// </summary>
public sealed class TransferWebTests
{
    [Fact]
    public async Task TransferList_ShowsNameUnitStateCountsAndOutcome()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var html = await client.GetStringAsync("/Transfer");

        Assert.Contains(detail.Transfer.Name, html, StringComparison.Ordinal);
        Assert.Contains("示例旗人民政府办公室", html, StringComparison.Ordinal);
        Assert.Contains("待决定", html, StringComparison.Ordinal);
        Assert.Contains("不通过", html, StringComparison.Ordinal);
        Assert.Contains($"/Transfer/{detail.Transfer.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Transfer/Upload", html, StringComparison.Ordinal); // reviewers read only
    }

    [Fact]
    public async Task TransferDetail_ShowsTheReportByPropertyAndOffersOnlyPassedItems()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var html = await client.GetStringAsync($"/Transfer/{detail.Transfer.Id}");

        Assert.Contains("四性检测报告", html, StringComparison.Ordinal);
        foreach (var line in detail.Results)
        {
            Assert.Contains(line.Code, html, StringComparison.Ordinal);
        }

        Assert.Contains("data-property=\"Integrity\"", html, StringComparison.Ordinal);
        Assert.Contains("未安装ClamAV", html, StringComparison.Ordinal);
        var passed = detail.Items.Single(i => i.State == TransferItemState.Passed);
        var failed = detail.Items.Single(i => i.State == TransferItemState.Failed);
        Assert.Contains($"name=\"itemIds\" value=\"{passed.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"itemIds\" value=\"{failed.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("接收全部通过的条目", html, StringComparison.Ordinal);
        Assert.Contains("退回理由", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/transfers/{detail.Transfer.Id}/report.pdf", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferDetail_FilteredByOutcome_ShowsOnlyThoseLines()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var html = await client.GetStringAsync($"/Transfer/{detail.Transfer.Id}?outcome=Failed");

        Assert.Contains("data-outcome=\"Failed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=\"Passed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("接收全部通过的条目", html, StringComparison.Ordinal); // reviewers do not decide
    }

    [Fact]
    public async Task TransferPage_RejectWithoutReason_SaysWhy_ThenRejects()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var client = await CatalogueWeb.SignInWithoutRedirectsAsync(server, 0, LantaiRoles.Archivist);
        var page = $"/Transfer/{detail.Transfer.Id}";

        var empty = await CatalogueWeb.PostFormAsync(client, page, new Dictionary<string, string> { ["Reason"] = " " }, page + "?handler=Reject");
        var html = await empty.Content.ReadAsStringAsync();
        var done = await CatalogueWeb.PostFormAsync(client, page, new Dictionary<string, string> { ["Reason"] = "目录与文件不符，请补齐后重新移交" }, page + "?handler=Reject");

        Assert.Contains("退回须写明理由", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var db = server.Services.CreateScope().ServiceProvider.GetRequiredService<LantaiDbContext>();
        var transfer = await db.Transfers.SingleAsync(t => t.Id == detail.Transfer.Id);
        Assert.Equal(TransferState.Rejected, transfer.State);
        Assert.Equal("目录与文件不符，请补齐后重新移交", transfer.Reason);
    }

    [Fact]
    public async Task TransferApi_Detail_HasLinesTotalsAndChineseLabels()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/transfers/{detail.Transfer.Id}"));
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/transfers"));

        var root = json.RootElement;
        Assert.Equal("Checked", root.GetProperty("transfer").GetProperty("state").GetString());
        Assert.Equal("待决定", root.GetProperty("transfer").GetProperty("stateLabel").GetString());
        Assert.Equal("不通过", root.GetProperty("outcomeLabel").GetString());
        Assert.Equal(detail.Results.Count, root.GetProperty("lines").GetArrayLength());
        var failed = root.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "YJ-2-1");
        Assert.Equal("Failed", failed.GetProperty("outcome").GetString());
        Assert.Equal("完整性", failed.GetProperty("propertyLabel").GetString());
        Assert.Equal(4, root.GetProperty("totals").GetArrayLength());
        Assert.Equal(2, root.GetProperty("items").GetArrayLength());
        Assert.Equal(1, list.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(detail.Transfer.Id, list.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TransferApi_Reports_DownloadAsPdfAndXmlUnderChineseNames()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var pdf = await client.GetAsync($"/api/v1/transfers/{detail.Transfer.Id}/report.pdf");
        var xml = await client.GetAsync($"/api/v1/transfers/{detail.Transfer.Id}/report.xml");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("四性检测报告-示例旗档案局2023年文书档案移交.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("电子文件四性检测报告", Poppler.Squeeze(await Poppler.TextAsync(await pdf.Content.ReadAsByteArrayAsync())), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        var report = XDocument.Parse(await xml.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("检测报告", CheckReportXml.Namespace), report.Root!.Name);
    }

    [Fact]
    public async Task TransferApi_RejectNeedsAReason_DeleteFilesIsForTheAdministrator()
    {
        await using var server = await LantaiServer.StartAsync();
        var detail = await InsertAsync(server);
        var archivist = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var admin = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.SystemAdministrator);
        var id = detail.Transfer.Id;

        var noReason = await archivist.PostAsJsonAsync($"/api/v1/transfers/{id}/reject", new { reason = "" });
        var rejected = await archivist.PostAsJsonAsync($"/api/v1/transfers/{id}/reject", new { reason = "缺少文件" });
        var again = await archivist.PostAsJsonAsync($"/api/v1/transfers/{id}/reject", new { reason = "缺少文件" });
        var byArchivist = await archivist.DeleteAsync($"/api/v1/transfers/{id}/files");
        var byAdmin = await admin.DeleteAsync($"/api/v1/transfers/{id}/files");
        var adminSeesList = await admin.GetAsync("/Transfer");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("退回须写明理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byArchivist.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        using var body = JsonDocument.Parse(await byAdmin.Content.ReadAsStringAsync());
        Assert.Equal("Deleted", body.RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, adminSeesList.StatusCode);
    }

    [Fact]
    public async Task TransferApi_Upload_RefusesAMissingFileOrANonZip_AndReviewers()
    {
        await using var server = await LantaiServer.StartAsync();
        var archivist = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var reviewer = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        using var empty = new MultipartFormDataContent { { new StringContent("x"), "transferringUnit" } };
        var missing = await archivist.PostAsync("/api/v1/transfers", empty);
        using var text = new MultipartFormDataContent { { new ByteArrayContent("你好"u8.ToArray()), "file", "目录.csv" } };
        var notZip = await archivist.PostAsync("/api/v1/transfers", text);
        using var zip = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 5, 6]), "file", "a.zip" } };
        var forbidden = await reviewer.PostAsync("/api/v1/transfers", zip);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains(".zip", await notZip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task RecordFiles_ListEventsAndAipZip_OfAnIngestedRecord()
    {
        await using var server = await LantaiServer.StartAsync();
        var (record, content) = await InsertIngestedRecordAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        using var files = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/records/{record}/files"));
        using var events = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/records/{record}/events"));
        var aip = await client.GetAsync($"/api/v1/records/{record}/aip.zip");
        var page = await client.GetStringAsync($"/Catalogue/Records/{record}");

        Assert.Equal(content.Files.Count, files.RootElement.GetArrayLength());
        Assert.Equal("文件/通知.pdf", files.RootElement[0].GetProperty("name").GetString());
        Assert.Equal(content.Files[0].ObjectSm3, files.RootElement[0].GetProperty("sm3").GetString());
        Assert.Equal(content.Sha256![content.Files[0].ObjectSm3], files.RootElement[0].GetProperty("sha256").GetString());
        Assert.Contains(events.RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "ingestion" && e.GetProperty("typeLabel").GetString() == "入库");
        Assert.Equal(HttpStatusCode.OK, aip.StatusCode);
        Assert.Equal("application/zip", aip.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"AIP-{content.Record.ArchivalCode}.zip", aip.Content.Headers.ContentDisposition?.FileNameStar);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await aip.Content.ReadAsByteArrayAsync()));
        Assert.NotNull(zip.GetEntry($"{record}/manifest-sm3.txt"));
        Assert.Contains("文件/通知.pdf", page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/records/{record}/aip.zip", page, StringComparison.Ordinal);
        Assert.Contains("入库", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AipZip_OfARecordWaitingForItsAip_IsBuiltOnDemandFromTheDatabaseAndTheStore()
    {
        await using var server = await LantaiServer.StartAsync();
        var (record, content) = await InsertIngestedRecordAsync(server, writeAip: false);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var page = await client.GetStringAsync($"/Catalogue/Records/{record}");
        var aip = await client.GetAsync($"/api/v1/records/{record}/aip.zip");

        Assert.Contains($"/api/v1/records/{record}/aip.zip", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, aip.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await aip.Content.ReadAsByteArrayAsync()));
        Assert.NotNull(zip.GetEntry($"{record}/manifest-sm3.txt"));
        Assert.NotNull(zip.GetEntry($"{record}/data/content/文件/通知.pdf"));
        var manifest = await new StreamReader(await zip.GetEntry($"{record}/manifest-sm3.txt")!.OpenAsync()).ReadToEndAsync();
        Assert.Contains(content.Files[0].ObjectSm3 + "  data/content/文件/通知.pdf", manifest, StringComparison.Ordinal);
        var cache = Path.Combine(server.Database.DataDir, "cache");
        Assert.True(!Directory.Exists(cache) || !Directory.EnumerateDirectories(cache, "aip-*").Any(), "the temporary AIP is removed");
    }

    [Fact]
    public async Task RecordFileContent_StreamsTheStoredBytesUnderTheOriginalName()
    {
        await using var server = await LantaiServer.StartAsync();
        var (record, content) = await InsertIngestedRecordAsync(server);
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var file = content.Files[1];

        var response = await client.GetAsync($"/api/v1/records/{record}/files/{file.Id}/content");
        var missing = await client.GetAsync($"/api/v1/records/{record}/files/{Guid.NewGuid()}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("附件 100%.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(file.Length, response.Content.Headers.ContentLength);
        Assert.Equal(file.ObjectSm3, Sm3.HashHex(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task RecordFiles_OfAClassifiedRecord_AreHiddenFromALowClearance()
    {
        await using var server = await LantaiServer.StartAsync();
        var (record, _) = await InsertIngestedRecordAsync(server, classification: "秘密");
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var files = await client.GetAsync($"/api/v1/records/{record}/files");
        var aip = await client.GetAsync($"/api/v1/records/{record}/aip.zip");

        Assert.Equal(HttpStatusCode.NotFound, files.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, aip.StatusCode);
    }

    internal static async Task<TransferDetail> InsertAsync(LantaiServer server)
    {
        using var scope = server.Services.CreateScope();
        return await TransferTestData.InsertAsync(scope.ServiceProvider.GetRequiredService<LantaiDbContext>());
    }

    /// <summary>A record with files, stored objects, events and an AIP, as an ingest leaves them.</summary>
    internal static async Task<(Guid Record, AipContent Content)> InsertIngestedRecordAsync(LantaiServer server, string classification = "", bool writeAip = true)
    {
        var fonds = await CatalogueWeb.CreateFondsAsync(server, "0426", "示例旗档案局");
        var storeDir = Path.Combine(server.Database.DataDir, "test-objects");
        var content = await AipTestData.ContentAsync(storeDir);
        content.Record.FondsId = fonds.Id;
        content.Record.Classification = classification;
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
            db.Records.Add(content.Record);
            foreach (var file in content.Files)
            {
                file.RecordId = content.Record.Id;
                db.StoredObjects.Add(new StoredObject { Sm3 = file.ObjectSm3, Sha256 = content.Sha256![file.ObjectSm3], Length = file.Length, StoredAt = content.Record.CreatedAt });
            }

            db.RecordFiles.AddRange(content.Files);
            db.PreservationEvents.AddRange(content.Events);
            if (!writeAip)
            {
                // As an ingest leaves a record whose AIP job has not run yet.
                db.OutboxMessages.Add(new OutboxMessage { Kind = OutboxKinds.AipWanted, EntityId = content.Record.Id.ToString(), CreatedAt = content.Record.CreatedAt });
            }

            await db.SaveChangesAsync();
        }

        // The objects where the store keeps them (as an ingest leaves them), and the AIP written by the server's own writer.
        var store = server.Services.GetRequiredService<ObjectStore>();
        foreach (var file in content.Files)
        {
            var path = store.PathOf(file.ObjectSm3);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(storeDir, file.ObjectSm3), path, overwrite: true);
        }

        if (writeAip)
        {
            await server.Services.GetRequiredService<AipWriter>().WriteAsync(content, default);
        }

        return (content.Record.Id.Value, content);
    }
}
