using System.Net;
using System.Text.RegularExpressions;
using Lantai.Catalogue;
using Lantai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Tests.Web;

/// <summary>What the catalogue web tests share: seeding through the engine of the running server, and posting forms as a browser does.</summary>
internal static partial class CatalogueWeb
{
    public static async Task<Fonds> CreateFondsAsync(LantaiServer server, string code = "X013", string name = "示例旗人民政府办公室")
    {
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FondsService>().CreateAsync(new FondsDraft { Code = code, Name = name }, "seed", default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    public static RecordDraft Draft(string title, string fonds = "X013", int year = 2016, DateOnly? date = null, string classification = "", int? item = null) => new()
    {
        FondsCode = fonds,
        Year = year,
        RetentionCode = "Y",
        OrgUnitCode = "BGS",
        Title = title,
        Author = "示例旗人民政府办公室",
        DocumentNumber = "示政办发〔" + year + "〕1号",
        Date = date,
        PageCount = 3,
        Classification = classification,
        ItemNumber = item,
    };

    public static async Task<Lantai.Catalogue.Record> CreateRecordAsync(LantaiServer server, RecordDraft draft)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordService>().CreateAsync(draft, "seed", default);
        Assert.True(result.Succeeded, result.Succeeded ? "" : result.Errors[0].Message);
        return result.Value;
    }

    /// <summary>A client signed in as a new user that does not follow redirects, to see where the server sends it.</summary>
    public static async Task<HttpClient> SignInWithoutRedirectsAsync(LantaiServer server, int clearance, params string[] roles)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        await TestUsers.CreateAsync(server, name, clearance, roles);
        var client = server.CreateClient(followRedirects: false);
        var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["UserName"] = name, ["Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Opens <paramref name="page"/>, takes its antiforgery token and posts the fields to <paramref name="action"/> (default: the page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TestUsers.AntiforgeryToken(html) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(action ?? page, content);
    }

    /// <summary>The message shown next to a form field (the validation span of that field), or null.</summary>
    public static string? FieldError(string html, string field)
    {
        var m = Regex.Match(html, "data-valmsg-for=\"" + Regex.Escape(field) + "\"[^>]*>([^<]*)<");
        return m.Success && m.Groups[1].Value.Length > 0 ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    /// <summary>The archival codes in a catalogue table, in page order.</summary>
    public static List<string> Codes(string html) =>
        [.. CodeCellRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    public static string? Link(string html, string rel)
    {
        var m = Regex.Match(html, "rel=\"" + rel + "\" href=\"([^\"]+)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<td class=\"code\"><a href=\"/Catalogue/Records/[^\"]+\">([^<]+)</a>")]
    private static partial Regex CodeCellRegex();
}
