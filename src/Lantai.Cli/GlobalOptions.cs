using System.CommandLine;
using Lantai.Data;

namespace Lantai.Cli;

/// <summary>The options every command takes (DESIGN.md §6): --data DIR, --db CONNECTION-STRING, --json.</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Data = new("--data")
    {
        Description = "数据目录 (data directory)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Lantai__DataDir") ?? "data",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "PostgreSQL 连接字符串 (connection string); default: SQLite in the data directory",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ConnectionStrings__Lantai"),
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "以 JSON 输出 (machine-readable output)",
        Recursive = true,
    };

    public static DatabaseOptions DatabaseOptions(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DatabaseOptions
        {
            DataDir = Path.GetFullPath(result.GetValue(Data)!),
            PostgresConnectionString = result.GetValue(Db),
        };
    }

    /// <summary>The actor written to the audit log for command-line changes.</summary>
    public static string Actor => "cli:" + Environment.UserName;
}
