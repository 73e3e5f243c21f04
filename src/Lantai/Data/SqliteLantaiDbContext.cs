using Microsoft.EntityFrameworkCore;

namespace Lantai.Data;

/// <summary>The embedded default: one SQLite file in WAL mode (DESIGN.md §3).</summary>
public sealed class SqliteLantaiDbContext(DbContextOptions<SqliteLantaiDbContext> options) : LantaiDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<NullableUtcTicksConverter>();
    }
}
