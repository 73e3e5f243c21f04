using Lantai.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Data;

/// <summary>PostgreSQL for production; the same model with its own migrations.</summary>
public sealed class PostgresLantaiDbContext(DbContextOptions<PostgresLantaiDbContext> options) : LantaiDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Archival codes sort byte-wise, as on SQLite, so keyset paging and exports order the same on both providers.
        builder.Entity<Record>().Property(r => r.ArchivalCode).UseCollation("C");
        builder.Entity<Record>().Property(r => r.GroupKey).UseCollation("C");
        builder.Entity<Volume>().Property(v => v.ArchivalCode).UseCollation("C");
    }
}
