using System.Text;
using Lantai.Security;
using Lantai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantai.Web.Pages.Security;

/// <summary>
/// The security auditor's view of the audit log: newest first, keyset-paged, filtered; each change read as field: old → new;
/// chain verification and CSV export (both recorded in the log themselves).
/// </summary>
[Authorize(Policy = Policies.AuditRead)]
public sealed class AuditModel(AuditQueries queries, AuditReview review) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionPrefix { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityType")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "entityId")]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "text")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public AuditPage Log { get; private set; } = new([], null);

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Log = await queries.PageAsync(Filter(), Cursor, PageSize, cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await review.VerifyAsync(User.Identity!.Name!, cancellationToken);
        Log = await queries.PageAsync(Filter(), Cursor, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        // UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese correctly.
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        await review.ExportCsvAsync(Filter(), User.Identity!.Name!, writer, cancellationToken);
        return new EmptyResult();
    }

    public string PageLink(string? cursor)
    {
        var query = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value);
            }
        }

        Add("actor", Actor);
        Add("action", ActionPrefix);
        Add("entityType", EntityType);
        Add("entityId", EntityId);
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("text", Text);
        Add("cursor", cursor);
        return "/Security/Audit" + query.ToQueryString();
    }

    /// <summary>Dates are Beijing days: "to" includes the whole of its day.</summary>
    private AuditFilter Filter() => new()
    {
        Actor = Actor,
        Action = ActionPrefix,
        EntityType = EntityType,
        EntityId = EntityId,
        Text = Text,
        From = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), ArchiveTime.Offset) : null,
        To = To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), ArchiveTime.Offset) : null,
    };
}
