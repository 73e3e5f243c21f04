using Lantai.Security;
using Lantai.Tests.Catalogue.Import;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Tests.Web;

public sealed class CatalogueImportPageTests
{
    private static async Task<string> UploadAsync(HttpClient client, string sample)
    {
        var token = TestUsers.AntiforgeryToken(await client.GetStringAsync("/Catalogue/Import"));
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(await File.ReadAllBytesAsync(ImportSamples.PathOf(sample)));
        form.Add(file, "file", sample);
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        var response = await client.PostAsync("/Catalogue/Import?handler=Preview", form);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Preview_BadRows_ListsEveryWrongRowAndOffersNoImport()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Archivist);

        var html = await UploadAsync(client, "catalogue-bad-rows.csv");

        Assert.Contains("import-error-table", html, StringComparison.Ordinal);
        foreach (var row in Enumerable.Range(3, 9))
        {
            Assert.Contains($"<td class=\"num\">{row}</td>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("import-commit", html, StringComparison.Ordinal);
        await using var db = server.Database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync());
    }

    [Fact]
    public async Task Preview_ByAReviewer_IsForbidden()
    {
        await using var server = await LantaiServer.StartAsync();
        var client = await TestUsers.SignInAsNewUserAsync(server, 0, LantaiRoles.Reviewer);

        var page = await client.GetStringAsync("/Catalogue/Import");

        Assert.Contains("只有档案员可以导入目录", page, StringComparison.Ordinal);
    }
}
