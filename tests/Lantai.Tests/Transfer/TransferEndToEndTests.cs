using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Tests.Cli;
using Lantai.Tests.Infrastructure;
using Lantai.Tests.Samples;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Transfer;

/// <summary>The whole path — package in, check, accept, ingest, AIP — through the CLI and the API.</summary>
public sealed class TransferEndToEndTests
{
    [Fact]
    public async Task Cli_CheckThenIngestWithAccept_StoresRecordsWithVerifiableAips()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var setup = database.CreateContext())
        {
            await Lantai.Tests.Catalogue.CatalogueTestData.CreateFondsAsync(setup); // the sample catalogue's fonds 0426
            await Lantai.Transfer.Checks.CheckRuleSeeder.EnsureAsync(setup, default); // not yet done at start-up (see report)
        }

        var target = CliRunner.Target(database);
        var zip = SamplePackages.BuildZip(Path.Combine(database.DataDir, "sample.zip"));

        var check = await CliRunner.RunAsync([.. target, "transfer", "check", zip]);
        var ingest = await CliRunner.RunAsync([.. target, "transfer", "ingest", zip, "--accept"]);

        Assert.True(check.ExitCode is 0 or 1, check.Error);
        Assert.Contains("检测结论", check.Output, StringComparison.Ordinal);
        Assert.Contains("YJ-", check.Output, StringComparison.Ordinal);
        Assert.True(ingest.Output.Contains("已接收入库", StringComparison.Ordinal), ingest.Output + ingest.Error);
        await using var db = database.CreateContext();
        var records = await db.RecordFiles.Select(f => f.RecordId).Distinct().ToListAsync();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var aip = AipLocation.PathOf(database.DataDir, record);
            Assert.True(File.Exists(Path.Combine(aip, "manifest-sm3.txt")), aip);
            Assert.True(File.Exists(Path.Combine(aip, "data", "metadata", "events.xml")), aip);
        }
    }

    [Fact]
    public async Task Api_UploadZip_ChecksInAJob_ThenAcceptIngests()
    {
        await using var server = await StartWithFondsAndRulesAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var zip = SamplePackages.BuildZip(Path.Combine(server.Database.DataDir, "sample.zip"));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(zip));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", "示例移交.zip");

        var upload = await client.PostAsync("/api/v1/transfers", form);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        using var body = JsonDocument.Parse(await upload.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("transfer").GetProperty("id").GetGuid();
        await WaitForJobAsync(client, body.RootElement.GetProperty("job").GetProperty("id").GetGuid());
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/transfers/{id}"));
        Assert.True(detail.RootElement.GetProperty("lines").GetArrayLength() > 0, detail.RootElement.ToString());

        var accept = await client.PostAsync($"/api/v1/transfers/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Accepted, accept.StatusCode);
        using var job = JsonDocument.Parse(await accept.Content.ReadAsStringAsync());
        await WaitForJobAsync(client, job.RootElement.GetProperty("id").GetGuid());
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LantaiDbContext>();
        var record = await db.RecordFiles.OrderBy(f => f.Id).Select(f => f.RecordId).FirstAsync();
        var aip = await client.GetAsync($"/api/v1/records/{record}/aip.zip");
        Assert.Equal(HttpStatusCode.OK, aip.StatusCode);
    }

    [Fact]
    public async Task Api_UploadEep_ChecksAsAnEepOfOneRecord()
    {
        await using var server = await StartWithFondsAndRulesAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);
        var pdf = await File.ReadAllBytesAsync(ContentSamples.File("0426-WS·2023-Y-BGS-0012.pdfa.pdf"));
        var eep = new Packages.EepWriter().With("正文.pdf", pdf).WriteTo(Path.Combine(server.Database.DataDir, "通知.eep"));
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(eep)), "file", "通知.eep");

        var upload = await client.PostAsync("/api/v1/transfers", form);

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        using var body = JsonDocument.Parse(await upload.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("transfer").GetProperty("id").GetGuid();
        await WaitForJobAsync(client, body.RootElement.GetProperty("job").GetProperty("id").GetGuid());
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/transfers/{id}"));
        Assert.Equal("Eep", detail.RootElement.GetProperty("transfer").GetProperty("kind").GetString());
        Assert.Equal(1, detail.RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>A server with fonds 0426 and the seeded check rules, as an archive has them before its first transfer.</summary>
    private static async Task<LantaiServer> StartWithFondsAndRulesAsync()
    {
        var server = await LantaiServer.StartAsync();
        try
        {
            await Lantai.Tests.Web.CatalogueWeb.CreateFondsAsync(server, "0426", "示例旗人民政府办公室");
            using var seed = server.Services.CreateScope();
            await Lantai.Transfer.Checks.CheckRuleSeeder.EnsureAsync(seed.ServiceProvider.GetRequiredService<LantaiDbContext>(), default);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitForJobAsync(HttpClient client, Guid jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            using var job = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/jobs/{jobId}"));
            if (job.RootElement.GetProperty("finished").GetBoolean())
            {
                Assert.Equal("Succeeded", job.RootElement.GetProperty("state").GetString());
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The job did not finish.");
    }
}
