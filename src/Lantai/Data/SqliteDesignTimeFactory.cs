using Microsoft.EntityFrameworkCore.Design;

namespace Lantai.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without a host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLantaiDbContext>
{
    public SqliteLantaiDbContext CreateDbContext(string[] args) =>
        (SqliteLantaiDbContext)LantaiDatabase.CreateContext(new DatabaseOptions { DataDir = Path.GetTempPath() });
}
