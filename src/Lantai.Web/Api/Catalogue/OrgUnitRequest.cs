namespace Lantai.Web.Api.Catalogue;

/// <summary>POST /fonds/{id}/org-units.</summary>
public sealed record OrgUnitRequest
{
    public string? Code { get; init; }

    public string? Name { get; init; }
}
