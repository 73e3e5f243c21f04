using Microsoft.EntityFrameworkCore.Design;

namespace Lantai.Data;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLantaiDbContext>
{
    public PostgresLantaiDbContext CreateDbContext(string[] args) =>
        (PostgresLantaiDbContext)LantaiDatabase.CreateContext(new DatabaseOptions { DataDir = Path.GetTempPath(), PostgresConnectionString = "Host=localhost;Database=lantai_design" });
}
