using System.CommandLine;
using Lantai.Data;

namespace Lantai.Cli;

/// <summary>Opens the database the global options name (--data / --db) and brings its schema up to date first.</summary>
internal static class CliDatabase
{
    public static async Task<LantaiDbContext> OpenAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = GlobalOptions.DatabaseOptions(result);
        var db = LantaiDatabase.CreateContext(options);
        try
        {
            await LantaiDatabase.MigrateAsync(db, options, cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
