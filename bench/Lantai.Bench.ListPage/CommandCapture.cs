using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lantai.Bench.ListPage;

/// <summary>Keeps the text and parameters of the last list query EF sent, so the same SQL can be replayed through plain ADO.NET.</summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public string? Text { get; private set; }

    public List<(string Name, object? Value, DbType Type)> Parameters { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandText.Contains("FROM \"Records\"", StringComparison.Ordinal) && command.CommandText.Contains("LIMIT", StringComparison.Ordinal))
        {
            Text = command.CommandText;
            Parameters.Clear();
            foreach (DbParameter p in command.Parameters)
            {
                Parameters.Add((p.ParameterName, p.Value, p.DbType));
            }
        }

        return ValueTask.FromResult(result);
    }
}
