namespace Lantai.Web.Api;

/// <summary>/api/v1 catalogue endpoints: fonds, records, volumes, import, export.</summary>
public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogueEndpoints(this RouteGroupBuilder group)
    {
        return group;
    }
}
