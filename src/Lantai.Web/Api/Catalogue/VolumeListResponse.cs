namespace Lantai.Web.Api.Catalogue;

/// <summary>GET /volumes: one page in archival-code order and the cursor of the next.</summary>
public sealed record VolumeListResponse(IReadOnlyList<VolumeResponse> Items, string? NextCursor);
