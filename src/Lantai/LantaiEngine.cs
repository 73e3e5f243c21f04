using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lantai;

/// <summary>Registers the engine's services; the web host and the CLI call this and nothing else of the engine's wiring.</summary>
public static class LantaiEngine
{
    public static IServiceCollection AddLantaiEngine(this IServiceCollection services, DatabaseOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLantaiDatabase(options);

        // Catalogue
        services.AddScoped<FondsService>();
        services.AddScoped<RecordService>();
        services.AddScoped<RecordQueries>();
        services.AddScoped<RecordHistory>();
        services.AddScoped<CodeListService>();
        services.AddScoped<OrgUnitService>();
        services.AddScoped<RenumberingService>();
        services.AddScoped<VolumeService>();
        services.AddScoped<VolumeQueries>();

        // Security
        services.AddScoped<AuditVerifier>();

        return services;
    }
}
