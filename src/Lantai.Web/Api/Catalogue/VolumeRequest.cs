namespace Lantai.Web.Api.Catalogue;

/// <summary>POST /volumes.</summary>
public sealed record VolumeRequest
{
    public string? FondsCode { get; init; }

    public string? CategoryCode { get; init; }

    public int? Year { get; init; }

    public string? RetentionCode { get; init; }

    public string? OrgUnitCode { get; init; }

    public int? VolumeNumber { get; init; }

    public string? Title { get; init; }

    public string? Remarks { get; init; }

    public string? Classification { get; init; }
}
