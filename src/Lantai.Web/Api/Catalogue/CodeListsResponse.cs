namespace Lantai.Web.Api.Catalogue;

/// <summary>GET /code-lists: the code lists and archival-code templates in force.</summary>
public sealed record CodeListsResponse(
    IReadOnlyList<CodeEntryResponse> Categories,
    IReadOnlyList<CodeEntryResponse> Retention,
    IReadOnlyList<CodeEntryResponse> Classification,
    IReadOnlyList<CodeEntryResponse> Carrier,
    IReadOnlyList<TemplateResponse> Templates);
