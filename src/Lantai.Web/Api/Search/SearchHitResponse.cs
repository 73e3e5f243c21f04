using System.Text.Json.Serialization;
using Lantai.Search;
using Lantai.Web.Api.Catalogue;

namespace Lantai.Web.Api.Search;

/// <summary>
/// One hit as the API shows it. Fields the audience may not see (密级 and 备注 for the public) are left out of the JSON,
/// not sent empty.
/// </summary>
public sealed record SearchHitResponse(
    Guid Id, string ArchivalCode, string Title, string? Author, string? DocumentNumber, DateOnly? Date, int Year, string FondsCode,
    string CategoryCode, string RetentionCode, string? OrgUnitCode, string? Carrier, string OpenStatus,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Classification,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Remarks,
    float Score, IReadOnlyList<SnippetResponse> Snippets)
{
    public static SearchHitResponse Of(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new(hit.Id.Value, hit.ArchivalCode, hit.Title, hit.Author, hit.DocumentNumber, hit.Date, hit.Year, hit.FondsCode,
            hit.CategoryCode, hit.RetentionCode, hit.OrgUnitCode, hit.Carrier, RecordListQuery.OpenStatusName(hit.OpenStatus),
            hit.Classification, hit.Remarks, hit.Score, [.. hit.Snippets.Select(SnippetResponse.Of)]);
    }
}
