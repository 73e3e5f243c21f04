using Lantai.Catalogue;
using Lantai.Catalogue.Export;
using Lantai.Catalogue.Import;
using Lantai.Data;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Preservation.Formats;
using Lantai.Search;
using Lantai.Security;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Checks.Authenticity;
using Lantai.Transfer.Checks.Integrity;
using Lantai.Transfer.Checks.Security;
using Lantai.Transfer.Checks.Usability;
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
        services.AddScoped<FilingCatalogueExporter>();
        services.AddScoped<FilingStampPrinter>();
        services.AddScoped<CatalogueImporter>();
        services.AddSingleton<ImportStaging>();
        services.AddScoped<IJobHandler, CatalogueImportJob>();
        services.AddScoped<RecordHistory>();
        services.AddScoped<CodeListService>();
        services.AddScoped<OrgUnitService>();
        services.AddScoped<RenumberingService>();
        services.AddScoped<VolumeService>();
        services.AddScoped<VolumeQueries>();

        // Transfer
        services.AddSingleton<TransferFolders>();
        services.AddScoped<TransferService>();
        services.AddScoped<TransferQueries>();
        services.AddScoped<TransferCatalogueReader>();
        services.AddScoped<TransferChecker>();
        services.AddScoped<TransferIngester>();
        services.AddScoped<IJobHandler, TransferCheckJob>();
        services.AddScoped<IJobHandler, TransferIngestJob>();

        // Transfer: the four-properties check (rules are data, checks are found by key)
        services.AddScoped<CheckEngine>();
        services.AddScoped<ContentInspections>();
        services.AddSingleton<MediaInspector>();
        services.AddScoped<ICheck, DeclaredDigestCheck>();
        services.AddScoped<ICheck, SignatureCheck>();
        services.AddScoped<ICheck, CatalogueRowsCheck>();
        services.AddScoped<ICheck, ArchivalCodeFormatCheck>();
        services.AddScoped<ICheck, ArchivalCodeUniqueCheck>();
        services.AddScoped<ICheck, ContentMetadataCheck>();
        services.AddScoped<ICheck, DeclaredCountsCheck>();
        services.AddScoped<ICheck, RequiredMetadataCheck>();
        services.AddScoped<ICheck, ItemFilesCheck>();
        services.AddScoped<ICheck, FormatAcceptedCheck>();
        services.AddScoped<ICheck, ContentReadableCheck>();
        services.AddScoped<ICheck, OfdFontsCheck>();
        services.AddScoped<ICheck, VirusScanCheck>();
        services.AddScoped<ICheck, StrayFilesCheck>();
        services.AddScoped<ICheck, ExecutableContentCheck>();
        services.AddScoped<ICheck, PackageOpeningCheck>();

        // Jobs
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobBoard>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobRunner>();
        // Runs only where a host starts hosted services (the web server); the CLI runs its work in the foreground.
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());

        // Preservation
        services.AddSingleton<ObjectStore>();
        services.AddSingleton<AipWriter>();
        services.AddScoped<AipSource>();
        services.AddScoped<AipKeeper>();
        services.AddScoped<AipQueue>();
        services.AddScoped<IJobHandler, AipJob>();
        services.AddHostedService<AipScheduler>();
        services.AddScoped<RecordFileQueries>();
        services.AddSingleton<Transfer.Reports.TransferReportExporter>();
        services.AddOptions<PreservationOptions>().Configure<IServiceProvider>(PreservationOptions.FromConfiguration);
        services.AddScoped<FixityAudit>();
        services.AddScoped<FixityAuditQueue>();
        services.AddScoped<IJobHandler, FixityAuditJob>();
        services.AddScoped<PreservationAlerts>();
        // Like the JobRunner: only a host that starts hosted services (the web server) schedules the audit.
        services.AddHostedService<FixityScheduler>();

        // Search
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchSignal>();
        services.AddSingleton<Search.Content.ContentTextCache>();
        services.AddScoped<Search.Content.RecordContent>();
        services.AddScoped<SearchIndexer>();
        services.AddScoped<SearchIndexRebuilder>();
        services.AddScoped<SearchIndexInspector>();
        services.AddScoped<IJobHandler, SearchRebuildJob>();
        services.AddScoped<SearchService>();
        // Like the JobRunner: only a host that starts hosted services (the web server) keeps the index caught up.
        services.AddHostedService<SearchIndexUpdater>();

        // Security
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditReview>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserQueries>();
        services.AddScoped<AccountService>();
        services.AddScoped<SecuritySettings>();

        return services;
    }
}
