namespace Lantai.Web.Api.Catalogue;

/// <summary>POST /fonds and PUT /fonds/{id}: a fonds' fields (the code cannot change once made).</summary>
public sealed record FondsRequest
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? CreatorName { get; init; }

    public int? StartYear { get; init; }

    public int? EndYear { get; init; }

    public string? CodeTemplateKey { get; init; }

    public string? Description { get; init; }
}
