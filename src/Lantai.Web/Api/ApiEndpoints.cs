namespace Lantai.Web.Api;

/// <summary>The JSON API under /api/v1: one route group per capability.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapLantaiApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var v1 = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery();
        v1.MapCatalogueEndpoints();
        v1.MapCatalogueFileEndpoints();
        v1.MapSecurityEndpoints();
        v1.MapJobEndpoints();
        v1.MapTransferEndpoints();
        v1.MapPreservationEndpoints();
        v1.MapSearchEndpoints();
        return app;
    }
}
