using Lantai.Catalogue;
using Lantai.Jobs;
using Lantai.Security;
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
    }
}
