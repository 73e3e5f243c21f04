using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Data;

/// <summary>Registers the provider chosen by <see cref="DatabaseOptions"/> and brings the schema up to date.</summary>
public static class LantaiDatabase
{
    public static IServiceCollection AddLantaiDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        if (options.IsPostgres)
        {
            services.AddDbContext<LantaiDbContext, PostgresLantaiDbContext>(o => ConfigurePostgres(o, options.PostgresConnectionString!));
        }
        else
        {
            services.AddDbContext<LantaiDbContext, SqliteLantaiDbContext>(o => ConfigureSqlite(o, options.SqliteConnectionString));
        }

        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(LantaiDatabase).Assembly.FullName))
            .AddInterceptors(new SqlitePragmaInterceptor());
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(LantaiDatabase).Assembly.FullName));
    }

    /// <summary>Creates a context outside dependency injection (CLI one-shots, tests, benchmarks).</summary>
    public static LantaiDbContext CreateContext(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsPostgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresLantaiDbContext>();
            ConfigurePostgres(pg, options.PostgresConnectionString!);
            return new PostgresLantaiDbContext(pg.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteLantaiDbContext>();
        ConfigureSqlite(sqlite, options.SqliteConnectionString);
        return new SqliteLantaiDbContext(sqlite.Options);
    }

    /// <summary>Creates the data directory and applies the provider's migrations.</summary>
    public static async Task MigrateAsync(LantaiDbContext db, DatabaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.DataDir);
        if (!options.IsPostgres)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
