using Lantai.Catalogue;
using Lantai.Jobs;
using Lantai.Preservation;
using Lantai.Security;
using Lantai.Transfer;
using Lantai.Transfer.Checks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Data;

/// <summary>
/// The single source of truth (DESIGN.md §2). Provider-specific subclasses (<see cref="SqliteLantaiDbContext"/>,
/// <see cref="PostgresLantaiDbContext"/>) exist only so each provider keeps its own migrations.
/// </summary>
public abstract class LantaiDbContext(DbContextOptions options)
    : IdentityDbContext<LantaiUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<ArchiveProfile> ArchiveProfiles => Set<ArchiveProfile>();
    public DbSet<Fonds> Fonds => Set<Fonds>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<CodeListEntry> CodeListEntries => Set<CodeListEntry>();
    public DbSet<ArchivalCodeTemplate> ArchivalCodeTemplates => Set<ArchivalCodeTemplate>();
    public DbSet<Record> Records => Set<Record>();
    public DbSet<Volume> Volumes => Set<Volume>();
    public DbSet<CatalogueImport> CatalogueImports => Set<CatalogueImport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<StoredObject> StoredObjects => Set<StoredObject>();
    public DbSet<RecordFile> RecordFiles => Set<RecordFile>();
    public DbSet<PreservationEvent> PreservationEvents => Set<PreservationEvent>();
    public DbSet<PreservationAlert> PreservationAlerts => Set<PreservationAlert>();
    public DbSet<TransferPackage> Transfers => Set<TransferPackage>();
    public DbSet<TransferItem> TransferItems => Set<TransferItem>();
    public DbSet<TransferFile> TransferFiles => Set<TransferFile>();
    public DbSet<CheckRule> CheckRules => Set<CheckRule>();
    public DbSet<CheckRun> CheckRuns => Set<CheckRun>();
    public DbSet<CheckResult> CheckResults => Set<CheckResult>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<RecordId>().HaveConversion<EntityIdConverter<RecordId>>();
        configurationBuilder.Properties<FondsId>().HaveConversion<EntityIdConverter<FondsId>>();
        configurationBuilder.Properties<VolumeId>().HaveConversion<EntityIdConverter<VolumeId>>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<LantaiUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
        });

        builder.Entity<ArchiveProfile>(e =>
        {
            e.ToTable("ArchiveProfile");
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Code).HasMaxLength(6);
            e.HasData(new ArchiveProfile { Id = 1, Name = "未命名档案馆", Code = "000000", Level = ArchiveLevel.Banner });
        });

        builder.Entity<Fonds>(e =>
        {
            e.HasKey(f => f.Id);
            e.HasIndex(f => f.Code).IsUnique();
            e.Property(f => f.Code).HasMaxLength(20);
            e.Property(f => f.Name).HasMaxLength(200);
            e.Property(f => f.CreatorName).HasMaxLength(200);
            e.Property(f => f.CodeTemplateKey).HasMaxLength(50);
        });

        builder.Entity<Category>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(10);
            e.Property(c => c.Name).HasMaxLength(50);
            e.HasData(SeedData.Categories);
        });

        builder.Entity<OrgUnit>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.FondsId, o.Code }).IsUnique();
            e.Property(o => o.Code).HasMaxLength(50);
            e.Property(o => o.Name).HasMaxLength(200);
            e.HasOne<Fonds>().WithMany().HasForeignKey(o => o.FondsId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CodeListEntry>(e =>
        {
            e.HasKey(c => new { c.List, c.Code });
            e.Property(c => c.List).HasMaxLength(30);
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(50);
            e.HasData(SeedData.CodeListEntries);
        });

        builder.Entity<ArchivalCodeTemplate>(e =>
        {
            e.HasKey(t => t.Key);
            e.Property(t => t.Key).HasMaxLength(50);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Pattern).HasMaxLength(200);
            e.HasData(ArchivalCodeTemplate.Defaults);
        });

        builder.Entity<Record>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.FondsCode).HasMaxLength(20);
            e.Property(r => r.CategoryCode).HasMaxLength(10);
            e.Property(r => r.RetentionCode).HasMaxLength(10);
            e.Property(r => r.OrgUnitCode).HasMaxLength(50);
            e.Property(r => r.GroupKey).HasMaxLength(200);
            e.Property(r => r.ArchivalCode).HasMaxLength(100);
            e.Property(r => r.Title).HasMaxLength(2000);
            e.Property(r => r.Author).HasMaxLength(500);
            e.Property(r => r.DocumentNumber).HasMaxLength(200);
            e.Property(r => r.Classification).HasMaxLength(20);
            e.Property(r => r.Carrier).HasMaxLength(20);
            e.Property(r => r.Remarks).HasMaxLength(2000);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => r.ArchivalCode).IsUnique();
            e.HasIndex(r => new { r.GroupKey, r.ItemNumber }).IsUnique();
            // Keyset paging: each common filter followed by the default sort key.
            e.HasIndex(r => new { r.FondsId, r.ArchivalCode });
            e.HasIndex(r => new { r.FondsId, r.Year, r.ArchivalCode });
            e.HasIndex(r => new { r.Date, r.ArchivalCode });
            e.HasIndex(r => new { r.Year, r.ArchivalCode });
            e.HasIndex(r => new { r.OpenStatus, r.ArchivalCode });
            e.HasIndex(r => r.ImportId);
            e.HasIndex(r => r.VolumeId);
            e.HasOne<Fonds>().WithMany().HasForeignKey(r => r.FondsId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Volume>().WithMany().HasForeignKey(r => r.VolumeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Volume>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.FondsCode).HasMaxLength(20);
            e.Property(v => v.CategoryCode).HasMaxLength(10);
            e.Property(v => v.RetentionCode).HasMaxLength(10);
            e.Property(v => v.OrgUnitCode).HasMaxLength(50);
            e.Property(v => v.GroupKey).HasMaxLength(200);
            e.Property(v => v.ArchivalCode).HasMaxLength(100);
            e.Property(v => v.Title).HasMaxLength(2000);
            e.Property(v => v.Remarks).HasMaxLength(2000);
            e.Property(v => v.Classification).HasMaxLength(20);
            e.HasIndex(v => v.ArchivalCode).IsUnique();
            e.HasIndex(v => new { v.GroupKey, v.VolumeNumber }).IsUnique();
            e.HasOne<Fonds>().WithMany().HasForeignKey(v => v.FondsId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CatalogueImport>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.FileName).HasMaxLength(500);
            e.Property(i => i.Sm3).HasMaxLength(64);
            e.Property(i => i.Actor).HasMaxLength(256);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.Actor);
        });

        builder.Entity<Job>(e =>
        {
            e.HasKey(j => j.Id);
            e.Property(j => j.Kind).HasMaxLength(100);
            e.Property(j => j.Actor).HasMaxLength(256);
            e.HasIndex(j => new { j.State, j.CreatedAt });
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasMaxLength(50);
            e.Property(o => o.EntityId).HasMaxLength(100);
        });

        OnPreservationCreating(builder);
        OnTransferCreating(builder);
    }

    private static void OnPreservationCreating(ModelBuilder builder)
    {
        builder.Entity<StoredObject>(e =>
        {
            e.HasKey(o => o.Sm3);
            e.Property(o => o.Sm3).HasMaxLength(64);
            e.Property(o => o.Sha256).HasMaxLength(64);
            e.HasIndex(o => o.LastCheckedAt);
        });

        builder.Entity<RecordFile>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.OriginalName).HasMaxLength(1024);
            e.Property(f => f.ObjectSm3).HasMaxLength(64);
            e.Property(f => f.FormatId).HasMaxLength(50);
            e.Property(f => f.MediaType).HasMaxLength(100);
            e.HasIndex(f => new { f.RecordId, f.Sequence }).IsUnique();
            e.HasIndex(f => f.ObjectSm3);
            e.HasOne<Record>().WithMany().HasForeignKey(f => f.RecordId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StoredObject>().WithMany().HasForeignKey(f => f.ObjectSm3).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PreservationEvent>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.Type).HasMaxLength(50);
            e.Property(v => v.Outcome).HasMaxLength(20);
            e.Property(v => v.Agent).HasMaxLength(200);
            e.Property(v => v.Detail).HasMaxLength(4000);
            e.Property(v => v.ObjectSm3).HasMaxLength(64);
            e.HasIndex(v => new { v.RecordId, v.At });
            e.HasIndex(v => new { v.ObjectSm3, v.At });
            e.HasIndex(v => new { v.TransferId, v.At });
        });

        builder.Entity<PreservationAlert>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.ObjectSm3).HasMaxLength(64);
            e.Property(a => a.Message).HasMaxLength(2000);
            e.Property(a => a.AcknowledgedBy).HasMaxLength(256);
            e.HasIndex(a => new { a.AcknowledgedAt, a.At });
        });
    }

    private static void OnTransferCreating(ModelBuilder builder)
    {
        builder.Entity<TransferPackage>(e =>
        {
            e.ToTable("Transfers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(500);
            e.Property(t => t.TransferringUnit).HasMaxLength(200);
            e.Property(t => t.PackageSm3).HasMaxLength(64);
            e.Property(t => t.StoragePath).HasMaxLength(500);
            e.Property(t => t.ReceivedBy).HasMaxLength(256);
            e.Property(t => t.DecidedBy).HasMaxLength(256);
            e.Property(t => t.Reason).HasMaxLength(4000);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasIndex(t => t.ReceivedAt);
        });

        builder.Entity<TransferItem>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.ArchivalCode).HasMaxLength(100);
            e.Property(i => i.Title).HasMaxLength(2000);
            e.Property(i => i.Reason).HasMaxLength(4000);
            e.HasIndex(i => new { i.TransferId, i.RowNumber }).IsUnique();
            e.HasIndex(i => i.RecordId).IsUnique();
            e.HasOne<TransferPackage>().WithMany().HasForeignKey(i => i.TransferId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TransferFile>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.OriginalPath).HasMaxLength(1024);
            e.Property(f => f.PathKey).HasMaxLength(1024);
            e.Property(f => f.StagingKey).HasMaxLength(100);
            e.Property(f => f.Sm3).HasMaxLength(64);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.FormatId).HasMaxLength(50);
            e.Property(f => f.MediaType).HasMaxLength(100);
            e.HasIndex(f => new { f.TransferId, f.ItemId, f.Sequence });
            e.HasOne<TransferPackage>().WithMany().HasForeignKey(f => f.TransferId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CheckRule>(e =>
        {
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.CheckKey).HasMaxLength(100);
            e.Property(r => r.Parameters).HasMaxLength(4000);
        });

        builder.Entity<CheckRun>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Actor).HasMaxLength(256);
            e.Property(r => r.Tools).HasMaxLength(2000);
            e.HasIndex(r => new { r.TransferId, r.StartedAt });
        });

        builder.Entity<CheckResult>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Code).HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Evidence).HasMaxLength(4000);
            e.Property(r => r.FilePath).HasMaxLength(1024);
            e.HasIndex(r => new { r.RunId, r.Sequence }).IsUnique();
            e.HasIndex(r => r.ItemId);
            e.HasIndex(r => r.RecordId);
            e.HasOne<CheckRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
