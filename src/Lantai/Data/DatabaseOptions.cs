namespace Lantai.Data;

/// <summary>Where Lantai keeps its data: the data directory, and a PostgreSQL connection string when one is given.</summary>
public sealed record DatabaseOptions
{
    /// <summary>Data directory (default ./data): lantai.db, store/, index/, cache/, staging/, quarantine/.</summary>
    public required string DataDir { get; init; }

    /// <summary>PostgreSQL connection string; null for the embedded SQLite default.</summary>
    public string? PostgresConnectionString { get; init; }

    public bool IsPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.Combine(DataDir, "lantai.db");

    public string SqliteConnectionString => $"Data Source={SqlitePath};Pooling=True;Default Timeout=30";
}
