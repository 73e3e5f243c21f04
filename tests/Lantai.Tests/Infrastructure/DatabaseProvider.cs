namespace Lantai.Tests.Infrastructure;

/// <summary>The providers every engine test runs on (STYLE.md: repository tests run on every supported database).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
